/**
 * Entry point: starts the shell with the course contents. Everything heavy (lesson bodies,
 * the sandbox runtime, the emulator, msw, the SDK, Monaco) is imported dynamically later.
 */
import { lessons, loadLesson } from 'virtual:lessons';
import './ui/app/tp-app';
import './ui/tp-site-status';

const app = document.querySelector('tp-app') ?? document.body.appendChild(document.createElement('tp-app'));
app.lessons = lessons;
app.loadLesson = loadLesson;
