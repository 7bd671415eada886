/**
 * A minimal context protocol (the shape of the community context protocol): an element
 * asks for the page services with a bubbling, composed event; `<tp-app>` answers. This keeps
 * shared state out of globals and out of every element's property list.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlaygroundServices } from './playground-services';

export class ServicesRequestEvent extends Event {
  static readonly eventName = 'tp-services-request';
  constructor(readonly callback: (services: PlaygroundServices) => void) {
    super(ServicesRequestEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Answers service requests from descendants of `host` (including those in its shadow tree). */
export function provideServices(host: HTMLElement, services: PlaygroundServices): void {
  host.addEventListener(ServicesRequestEvent.eventName, (event) => {
    if (!(event instanceof ServicesRequestEvent)) return;
    event.stopPropagation();
    event.callback(services);
  });
}

/** Gets the services when the host connects and re-renders the host when they change. */
export class ServicesController implements ReactiveController {
  services: PlaygroundServices | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.dispatchEvent(
      new ServicesRequestEvent((services) => {
        this.services = services;
        this.unsubscribe = services.subscribe(() => this.host.requestUpdate());
        this.host.requestUpdate();
      }),
    );
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
