/**
 * Rules the API server enforces on a Job beyond its OpenAPI schema (which kubernetes-models
 * checks), for the fields experiments/k8s uses; each as the JobSpec field docs state it. A Job
 * breaking one would pass the schema and still be refused by `kubectl apply`.
 */
import type { IJob } from 'kubernetes-models/batch/v1/Job';

/** What the Job breaks, one sentence each; empty when it keeps every rule here. */
export function jobRuleViolations(job: IJob): string[] {
  const spec = job.spec;
  if (spec === undefined) return ['a Job needs a spec'];
  const pod = spec.template.spec;
  const rules = spec.podFailurePolicy?.rules ?? [];
  const containers = new Set([...(pod?.containers ?? []), ...(pod?.initContainers ?? [])].map((container) => container.name));
  const violations: string[] = [];
  const requireThat = (holds: boolean, rule: string) => {
    if (!holds) violations.push(rule);
  };
  if (spec.backoffLimitPerIndex !== undefined) {
    requireThat(spec.completionMode === 'Indexed', 'backoffLimitPerIndex can only be set when completionMode is Indexed');
    requireThat(pod?.restartPolicy === 'Never', "backoffLimitPerIndex needs the pod's restartPolicy Never");
  }
  if (rules.some((rule) => rule.action === 'FailIndex')) {
    requireThat(spec.backoffLimitPerIndex !== undefined, 'the FailIndex action can only be used when backoffLimitPerIndex is set');
  }
  if (spec.podFailurePolicy !== undefined) {
    requireThat(pod?.restartPolicy === 'Never', 'podFailurePolicy cannot be used with restartPolicy OnFailure (a Job pod has Never or OnFailure)');
    requireThat(spec.podReplacementPolicy === undefined || spec.podReplacementPolicy === 'Failed', 'with podFailurePolicy, podReplacementPolicy can only be Failed');
  }
  for (const rule of rules) {
    const name = rule.onExitCodes?.containerName;
    requireThat(name === undefined || containers.has(name), `onExitCodes.containerName ${name} must name a container of the pod template`);
  }
  return violations;
}
