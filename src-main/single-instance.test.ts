// The single-instance wiring with a fake app and window: Electron cannot run on the build machines,
// and the module only needs the lock, quit(), two app events and five window methods.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { holdSingleInstance, type InstanceApp, type MainWindow } from './single-instance.ts';

class FakeApp extends EventEmitter {
  quits = 0;
  readonly lock: boolean;
  constructor(lock: boolean) {
    super();
    this.lock = lock;
  }
  requestSingleInstanceLock() {
    return this.lock;
  }
  quit() {
    this.quits++;
  }
  /** What Electron does when the user launches the app again. */
  launchAgain() {
    this.emit('second-instance', {}, ['parkbrief'], '/home/user', {});
  }
  /** What Electron does inside every new BrowserWindow(...). */
  windowCreated(win: FakeWindow) {
    this.emit('browser-window-created', {}, win);
  }
}

class FakeWindow extends EventEmitter {
  calls: string[] = [];
  minimized = false;
  destroyed = false;
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.calls.push('restore');
    this.minimized = false;
  }
  show() {
    this.calls.push('show');
    this.emit('show');
  }
  focus() {
    this.calls.push('focus');
  }
}

const asApp = (a: FakeApp) => a as unknown as InstanceApp;
const asWindow = (w: FakeWindow | null) => w as unknown as MainWindow | null;

function firstInstance(win: () => FakeWindow | null = () => null) {
  const app = new FakeApp(true);
  expect(holdSingleInstance(asApp(app), () => asWindow(win()))).toBe(true);
  return app;
}

describe('holdSingleInstance', () => {
  it('quits a second instance before it can open the store, and listens to nothing', () => {
    const app = new FakeApp(false);
    expect(holdSingleInstance(asApp(app), () => null)).toBe(false);
    expect(app.quits).toBe(1);
    expect(app.eventNames()).toEqual([]);
  });

  it('keeps the first instance running', () => {
    const app = firstInstance();
    expect(app.quits).toBe(0);
    expect(app.listenerCount('second-instance')).toBe(1);
  });

  it('restores a minimized window, shows it and focuses it when the app is launched again', () => {
    const win = new FakeWindow();
    win.minimized = true;
    const app = firstInstance(() => win);
    app.launchAgain();
    expect(win.calls).toEqual(['restore', 'show', 'focus']);
    expect(win.minimized).toBe(false);
  });

  it('does not restore a window that is not minimized (that would un-maximize it)', () => {
    const win = new FakeWindow();
    const app = firstInstance(() => win);
    app.launchAgain();
    expect(win.calls).toEqual(['show', 'focus']);
  });

  it('does not touch a destroyed window', () => {
    const win = new FakeWindow();
    win.destroyed = true;
    const app = firstInstance(() => win);
    expect(() => app.launchAgain()).not.toThrow();
    expect(win.calls).toEqual([]);
  });

  it('survives a launch before any window exists, and focuses the window once it shows', () => {
    let current: FakeWindow | null = null;
    const app = firstInstance(() => current);
    expect(() => app.launchAgain()).not.toThrow();
    expect(() => app.launchAgain()).not.toThrow();

    // The store is open now: index.ts creates the window, which shows itself on ready-to-show.
    const win = new FakeWindow();
    app.windowCreated(win);
    current = win;
    expect(win.calls).toEqual([]);
    win.show();
    expect(win.calls).toEqual(['show', 'focus']);
    // Two launches while waiting still mean one focus, and only for that window.
    win.show();
    expect(win.calls).toEqual(['show', 'focus', 'show']);
    const later = new FakeWindow();
    app.windowCreated(later);
    later.show();
    expect(later.calls).toEqual(['show']);
  });

  it('does not focus a window created without a pending launch', () => {
    const app = firstInstance();
    const win = new FakeWindow();
    app.windowCreated(win);
    win.show();
    expect(win.calls).toEqual(['show']);
  });

  it('does not focus a pending window that was closed before it showed', () => {
    const app = firstInstance();
    app.launchAgain();
    const win = new FakeWindow();
    app.windowCreated(win);
    win.destroyed = true;
    win.emit('show');
    expect(win.calls).toEqual([]);
  });
});
