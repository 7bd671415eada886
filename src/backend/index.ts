/**
 * The backend layer's public surface, the only module of it the runner and the UI import: one interface
 * (`Backend`) for the emulator and the real API, the switch between them, live mode's key store (the key stays
 * on the page) and the credential redaction of the exchange log, so neither reaches into src/live/ or src/mock/.
 */
export type { Backend, BackendMode, BackendSwitch, EmulatorControls, FaultScenario, Pacing, PacingChoice } from './backend';
export { createBackendSwitch, type BackendSwitchOptions } from './backend-switch';
export { createKeyStore, type KeyPersistence, type KeyStore } from '../live/key-store';
export { redactHeaders } from '../live/redact';
