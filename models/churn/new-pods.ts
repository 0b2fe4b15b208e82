/**
 * Numbers for pods the churn creates, after the cluster's initial backend pods, shared by every
 * churn source so no two pods get the same number (a pod's number is its backend-pod station
 * and decides its node, as for the initial pods).
 */
export class NewPods {
  constructor(
    private nextNumber: number,
    /** Numbers to pass over: a pod the scheduler would not put there (its node is down). */
    private readonly unschedulable: (pod: number) => boolean = () => false,
  ) {}

  /** The number of the next pod created. */
  next(): number {
    while (this.unschedulable(this.nextNumber)) this.nextNumber++;
    return this.nextNumber++;
  }
}
