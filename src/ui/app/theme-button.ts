import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { nextThemeChoice, type ThemeChoice } from '../../store/theme-choice';
import type { PlaygroundServices } from '../playground-services';

const THEME_ICONS: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };
const THEME_NAMES: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/**
 * The page theme: applies the stored choice when the host connects and follows the system's
 * light/dark changes while it is connected (labels such as "System (dark)" re-render).
 */
export class ThemeController implements ReactiveController {
  private unwatch: (() => void) | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly services: PlaygroundServices,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.services.applyStoredTheme();
    this.unwatch = this.services.watchSystemTheme();
  }

  hostDisconnected(): void {
    this.unwatch?.();
    this.unwatch = undefined;
  }

  /** One compact button cycling System → Light → Dark; its name says the current choice and the next. */
  renderButton() {
    const services = this.services;
    const choice = services.themeChoice;
    const next = nextThemeChoice(choice);
    const describe = (value: ThemeChoice) => (value === 'system' ? `system (${services.theme})` : value);
    const label = `Theme: ${describe(choice)}. Switch to ${next} theme`;
    return html`<button class="theme-button" @click=${() => services.cycleThemeChoice()} aria-label=${label} title=${label}>
      <span aria-hidden="true">${THEME_ICONS[choice]}</span><span class="theme-label" aria-hidden="true">${THEME_NAMES[choice]}</span>
    </button>`;
  }
}
