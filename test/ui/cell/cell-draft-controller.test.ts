import { describe, expect, it } from 'vitest';
import type { CellSpec } from '../../../src/lessons/types';
import { PlaygroundStore } from '../../../src/store/playground-store';
import { CellDraftController } from '../../../src/ui/cell/cell-draft-controller';
import { PlaygroundServices } from '../../../src/ui/playground-services';
import { MemoryStorage } from '../../helpers/memory-storage';
import { CountingHost } from '../counting-host';

const cell = (code: string, codeHash: string): CellSpec => ({ id: 'l/cell-1', code, codeHash, highlightedHtml: '', line: 1, emulatorOnly: false });

/** A draft over the real store and services; the "editor" is a text field, as the preview is before Monaco loads. */
function draftOver(local = new MemoryStorage()) {
  const services = new PlaygroundServices(new PlaygroundStore({ local, session: new MemoryStorage() }));
  const editor = { text: '' };
  const draft = new CellDraftController(new CountingHost(), () => services, {
    currentCode: () => editor.text,
    showCode: (code) => (editor.text = code),
  });
  return { draft, services, editor, local };
}

describe('CellDraftController', () => {
  it('shows the lesson code, saves an edit, and shows the saved edit on the next load', () => {
    const lesson = cell('const a = 1;', 'h1');
    const first = draftOver();
    expect(first.draft.load(lesson)).toBe('loaded');
    expect(first.editor.text).toBe('const a = 1;');
    expect(first.draft.load(lesson)).toBe('unchanged');
    first.draft.edited(lesson, 'const a = 2;');
    first.draft.flush();

    const second = draftOver(first.local);
    second.draft.load(lesson);
    expect(second.editor.text).toBe('const a = 2;');
    expect(second.draft.staleEdit).toBe(false);
  });

  it('forgets the edit when the text is the lesson code again', () => {
    const lesson = cell('x;', 'h1');
    const { draft, services } = draftOver();
    draft.load(lesson);
    draft.edited(lesson, 'y;');
    draft.flush();
    expect(services.store.loadEdit(lesson.id)?.code).toBe('y;');
    draft.edited(lesson, 'x;');
    expect(services.store.loadEdit(lesson.id)).toBeUndefined();
  });

  it('resets to the lesson code and undoes the reset', () => {
    const lesson = cell('original;', 'h1');
    const { draft, editor, services } = draftOver();
    draft.load(lesson);
    editor.text = 'mine;';
    draft.edited(lesson, 'mine;');
    draft.reset(lesson);
    expect(editor.text).toBe('original;');
    expect(draft.undoText).toBe('mine;');
    expect(services.store.loadEdit(lesson.id)).toBeUndefined();
    draft.undoReset(lesson);
    expect(editor.text).toBe('mine;');
    expect(draft.undoText).toBeUndefined();
    expect(services.store.loadEdit(lesson.id)?.code).toBe('mine;');
  });

  it('offers the choice when the lesson changed since the edit, and keeps the edit on "Keep mine"', () => {
    const before = cell('old lesson;', 'old');
    const first = draftOver();
    first.draft.load(before);
    first.draft.edited(before, 'my edit;');
    first.draft.flush();

    const after = cell('new lesson;', 'new');
    const second = draftOver(first.local);
    second.draft.load(after);
    expect(second.draft.staleEdit).toBe(true);
    expect(second.editor.text).toBe('my edit;');
    second.draft.keepMine(after);
    expect(second.draft.staleEdit).toBe(false);
    expect(second.services.store.startState(after).kind).toBe('edited');
  });

  it('stashes the learner code while the solution shows and restores it', () => {
    const lesson = cell('starter;', 'h1');
    const { draft, editor } = draftOver();
    draft.load(lesson);
    editor.text = 'my attempt;';
    draft.stashFor(lesson, 'solution;');
    expect(editor.text).toBe('solution;');
    expect(draft.stashedCode).toBe('my attempt;');
    draft.restoreStash(lesson);
    expect(editor.text).toBe('my attempt;');
    expect(draft.stashedCode).toBeUndefined();
  });

  it('reloads when the stored data was cleared', () => {
    const lesson = cell('starter;', 'h1');
    const { draft, services, editor } = draftOver();
    draft.load(lesson);
    draft.edited(lesson, 'edit;');
    editor.text = 'edit;';
    draft.flush();
    services.clearLesson('l');
    expect(draft.load(lesson)).toBe('reloaded');
    expect(editor.text).toBe('starter;');
  });
});
