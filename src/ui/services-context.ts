/**
 * The page services travel down the element tree with `@lit/context`: `<tp-app>` provides them,
 * elements below consume them. No globals, and no services in every element's property list.
 */
import { ContextConsumer, ContextProvider, createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlaygroundServices } from './playground-services';

export const servicesContext = createContext<PlaygroundServices>(Symbol('playground-services'));

type Host = ReactiveControllerHost & HTMLElement;

/** Makes `services` available to every element below `host` (including those in its shadow tree). */
export function provideServices(host: Host, services: PlaygroundServices): ContextProvider<typeof servicesContext> {
  return new ContextProvider(host, { context: servicesContext, initialValue: services });
}

/** Gets the services when the host connects and re-renders the host when they change. */
export class ServicesController implements ReactiveController {
  services: PlaygroundServices | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
    new ContextConsumer(host, {
      context: servicesContext,
      callback: (services) => {
        this.unsubscribe?.();
        this.services = services;
        this.unsubscribe = services.subscribe(() => this.host.requestUpdate());
        this.host.requestUpdate();
      },
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
