// @vitest-environment jsdom
// The presenter's offline copy, against a small fake of the browser's service-worker container and
// cache storage (the outer boundary): nothing is registered until the presenter asks; saving waits
// for the worker to be activated; a failed download says so; removing deletes our caches only; a new
// release is offered and taken on request. The real thing runs in tests/browser/offline.test.ts.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, DEFAULT_DISPLAY } from '../../src/config';
import { createAppStore } from '../../src/state/createAppStore';
import { StoreContext } from '../../src/state/StoreContext';
import { OfflineControl } from '../../src/ui/OfflineControl';
import { canKeepCopy, offlineTarget, type OfflineEnv } from '../../src/ui/offlineCopy';

const ORIGIN = 'https://maps.example.org';
const TARGET = offlineTarget('/by-ru/', `${ORIGIN}/by-ru/?present=1`);

class FakeWorker extends EventTarget {
  messages: unknown[] = [];
  constructor(public state: ServiceWorkerState) {
    super();
  }
  become(state: ServiceWorkerState): void {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
  postMessage(message: unknown): void {
    this.messages.push(message);
  }
}

class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  active: FakeWorker | null = null;
  unregistered = false;
  constructor(public scope: string) {
    super();
  }
  unregister(): Promise<boolean> {
    this.unregistered = true;
    return Promise.resolve(true);
  }
}

/** A service-worker container and cache storage that do what the browser does, step by step. */
function fakeBrowser(options: { existing?: 'active' | 'update'; failDownload?: boolean } = {}) {
  const container = new EventTarget() as EventTarget & Record<string, unknown>;
  let registration: FakeRegistration | null = null;
  if (options.existing) {
    registration = new FakeRegistration(TARGET.scope);
    registration.active = new FakeWorker('activated');
    if (options.existing === 'update') registration.waiting = new FakeWorker('installed');
  }
  const cacheNames = [
    `workbox-precache-v2-${TARGET.scope}`,
    `workbox-precache-v2-${ORIGIN}/other-app/`,
    'someone-else',
  ];
  const register = vi.fn(async (script: string, opts: { scope: string }) => {
    registration = new FakeRegistration(opts.scope);
    const worker = new FakeWorker('installing');
    registration.installing = worker;
    // The browser downloads and precaches, then activates (or gives up).
    setTimeout(() => worker.become(options.failDownload ? 'redundant' : 'activated'), 5);
    void script;
    return registration;
  });
  Object.assign(container, {
    register,
    getRegistration: vi.fn(async (scope: string) =>
      registration && registration.scope === scope ? registration : undefined,
    ),
  });
  const caches = {
    keys: vi.fn(async () => [...cacheNames]),
    delete: vi.fn(async (name: string) => {
      cacheNames.splice(cacheNames.indexOf(name), 1);
      return true;
    }),
  };
  const env: OfflineEnv = {
    serviceWorker: container as unknown as ServiceWorkerContainer,
    caches: caches as unknown as CacheStorage,
    documentUrl: `${ORIGIN}/by-ru/?present=1`,
    secure: true,
  };
  return { env, register, cacheNames, container, registration: () => registration };
}

function renderControl(env: OfflineEnv, options: { embed?: boolean; reload?: () => void } = {}) {
  const store = createAppStore(
    { ...DEFAULT_CONFIG, lang: 'en' },
    { ...DEFAULT_DISPLAY, present: true, embed: options.embed ?? false },
  );
  return render(
    <StoreContext.Provider value={store}>
      <OfflineControl env={env} baseUrl="/by-ru/" reload={options.reload ?? (() => undefined)} />
    </StoreContext.Provider>,
  );
}

describe('canKeepCopy', () => {
  const env = fakeBrowser().env;
  it.each([
    { name: 'the app page itself over HTTPS', e: env, embedded: false, expected: true },
    { name: 'an embed', e: env, embedded: true, expected: false },
    {
      name: 'a page that is not a secure context (plain http)',
      e: { ...env, secure: false },
      embedded: false,
      expected: false,
    },
    {
      name: 'a browser that blocks storage (no cache storage)',
      e: { ...env, caches: undefined },
      embedded: false,
      expected: false,
    },
    {
      name: 'a browser without service workers',
      e: { ...env, serviceWorker: undefined },
      embedded: false,
      expected: false,
    },
    {
      name: 'a host page on another origin (the mount API)',
      e: { ...env, documentUrl: 'https://news.example/article' },
      embedded: false,
      expected: false,
    },
  ])('$name → $expected', ({ e, embedded, expected }) => {
    expect(canKeepCopy(e, TARGET, embedded)).toBe(expected);
  });

  it('puts the worker at the base of the app', () => {
    expect(TARGET).toEqual({ scope: `${ORIGIN}/by-ru/`, script: `${ORIGIN}/by-ru/sw.js` });
  });
});

describe('OfflineControl', () => {
  it('shows nothing in an embed, and registers nothing', () => {
    const browser = fakeBrowser();
    const { container } = renderControl(browser.env, { embed: true });
    expect(container).toBeEmptyDOMElement();
    expect(browser.register).not.toHaveBeenCalled();
  });

  it('registers nothing until the presenter asks, then saves and says it is available offline', async () => {
    const browser = fakeBrowser();
    renderControl(browser.env);
    const save = await screen.findByRole('button', { name: 'Make available offline' });
    expect(browser.register).not.toHaveBeenCalled();
    await userEvent.click(save);
    expect(browser.register).toHaveBeenCalledWith(TARGET.script, { scope: TARGET.scope });
    expect(await screen.findByRole('status')).toHaveTextContent(/Saving the presentation|Available offline/u);
    await screen.findByText('Available offline');
    expect(screen.getByRole('button', { name: 'Remove the offline copy' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Make available offline' })).toBeNull();
  });

  it('says so when the download fails, and offers to try again', async () => {
    const browser = fakeBrowser({ failDownload: true });
    renderControl(browser.env);
    await userEvent.click(await screen.findByRole('button', { name: 'Make available offline' }));
    await screen.findByText('Could not save for offline use. Check the connection and try again.');
    expect(screen.getByRole('button', { name: 'Make available offline' })).toBeVisible();
  });

  it('finds a copy saved earlier, and removes it with our caches only', async () => {
    const browser = fakeBrowser({ existing: 'active' });
    renderControl(browser.env);
    await screen.findByText('Available offline');
    await userEvent.click(screen.getByRole('button', { name: 'Remove the offline copy' }));
    await screen.findByRole('button', { name: 'Make available offline' });
    expect(browser.registration()?.unregistered).toBe(true);
    expect(browser.cacheNames).toEqual([`workbox-precache-v2-${ORIGIN}/other-app/`, 'someone-else']);
  });

  it('offers a new release that is waiting, and takes it on request (then reloads)', async () => {
    const browser = fakeBrowser({ existing: 'update' });
    const reload = vi.fn();
    renderControl(browser.env, { reload });
    await screen.findByText('A new version is ready');
    await userEvent.click(screen.getByRole('button', { name: 'Reload to use it' }));
    expect(browser.registration()?.waiting?.messages).toEqual([{ type: 'SKIP_WAITING' }]);
    expect(reload).not.toHaveBeenCalled();
    act(() => void browser.container.dispatchEvent(new Event('controllerchange')));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('notices a release installed while presenting', async () => {
    const browser = fakeBrowser({ existing: 'active' });
    renderControl(browser.env);
    await screen.findByText('Available offline');
    const registration = browser.registration();
    if (!registration) throw new Error('no registration');
    const next = new FakeWorker('installing');
    registration.installing = next;
    act(() => void registration.dispatchEvent(new Event('updatefound')));
    act(() => next.become('installed'));
    await screen.findByText('A new version is ready');
  });
});
