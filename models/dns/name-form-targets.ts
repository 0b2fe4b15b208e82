import type { MixValue } from '../../src/contract/parameter-spec.js';
import { WeightedChoice, zipfSampler, type RandomStreams, type Sampler } from '../../src/random/index.js';
import type { Cluster } from '../cluster/cluster.js';
import type { Request } from '../core/request.js';
import type { CallTargets } from '../workload/call-targets.js';
import type { ServiceChoice } from '../workload/service-choice.js';
import { NAME_FORMS } from './lookup-plan.js';

const SHORT = NAME_FORMS.indexOf('short');
const EXTERNAL = NAME_FORMS.indexOf('external');

/**
 * Who a call goes to, when names are resolved: first how the application writes the name
 * (`workload.nameForm`, one form or a weighted mix, from its own stream), then a target that
 * name can reach — a short name only a Service of the client's namespace, `svc.ns` and the
 * fully qualified forms any Service, an external name one of `workload.externalNames` hosts —
 * a Service as the workload's ServiceChoice says (by popularity, or among the client's Service's
 * dependencies with `workload.callGraph`), an external name by Zipf popularity.
 */
export class NameFormTargets implements CallTargets {
  readonly count: number;
  private readonly form: WeightedChoice;
  private readonly externalRank: Sampler;

  constructor(
    shares: MixValue,
    private readonly cluster: Cluster,
    private readonly services: ServiceChoice,
    streams: RandomStreams,
    externalNames: number,
    zipfExponent: number,
  ) {
    this.count = cluster.services + externalNames;
    this.form = new WeightedChoice(NAME_FORMS.map((form) => shares[form] ?? 0), streams.get('workload/name-forms'));
    this.externalRank = zipfSampler(streams.get('workload/external-names'), externalNames, zipfExponent);
  }

  choose(request: Request): void {
    const form = this.form.sample();
    request.nameForm = form;
    if (form === EXTERNAL) {
      request.service = -1;
      request.external = this.externalRank.sample();
      return;
    }
    request.external = -1;
    request.service = form === SHORT ? this.services.inClientNamespace(request.client) : this.services.anywhere(request.client);
  }
}
