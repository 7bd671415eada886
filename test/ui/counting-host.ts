import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The two methods of Lit's controller host the lesson loader uses, counting update requests. */
export class CountingHost implements ReactiveControllerHost {
  updates = 0;
  addController(_controller: ReactiveController): void {}
  removeController(_controller: ReactiveController): void {}
  requestUpdate(): void {
    this.updates++;
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
}
