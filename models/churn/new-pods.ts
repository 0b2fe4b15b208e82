/**
 * Numbers for pods the churn creates, after the cluster's initial backend pods, shared by every
 * churn source so no two pods get the same number (a pod's number is its backend-pod station
 * and decides its node, as for the initial pods).
 */
export class NewPods {
  constructor(private nextNumber: number) {}

  /** The number of the next pod created. */
  next(): number {
    return this.nextNumber++;
  }
}
