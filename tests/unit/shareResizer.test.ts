import { afterEach, describe, expect, it, vi } from 'vitest';
import { postHeight, REQUEST_INTERVAL_MS, type ChildWindow } from '../../src/embed/postHeight';
import {
  heightMessage,
  isHeightMessage,
  MAX_HEIGHT,
  MIN_HEIGHT,
  PROTOCOL_VERSION,
  REQUEST_TYPE,
} from '../../src/embed/protocol';
import { applyHeight, installResizer, type FrameLike, type HostWindow } from '../../src/embed/resizer';

/** Where embed.js was loaded from: the maps it answers live in this folder. */
const SCRIPT = 'https://maps.example.org/by-ru/embed.js';
const MAP = 'https://maps.example.org/by-ru/?embed=1';

/** An iframe whose window is a plain object (the resizer only compares identities). */
const createFrame = (src = MAP): FrameLike & { contentWindow: { postMessage: ReturnType<typeof vi.fn> } } => ({
  contentWindow: { postMessage: vi.fn() },
  style: { height: '' },
  src,
});

describe('the height message', () => {
  it('carries type, version, a whole height and an id', () => {
    expect(heightMessage(612.2, 'map-a')).toEqual({
      type: 'byru:height',
      version: PROTOCOL_VERSION,
      height: 613,
      id: 'map-a',
    });
  });

  it.each([
    [null],
    ['byru:height 500'],
    [{ type: 'byru:height', height: 500 }],
    [{ type: 'other', version: 1, height: 500, id: 'x' }],
    [{ type: 'byru:height', version: 0, height: 500, id: 'x' }],
    [{ type: 'byru:height', version: 1, height: '500', id: 'x' }],
    [{ type: 'byru:height', version: 1, height: -1, id: 'x' }],
    [{ type: 'byru:height', version: 1, height: Infinity, id: 'x' }],
    [{ type: 'byru:height', version: 1, height: 1e9, id: 'x' }],
    [{ type: 'byru:height', version: 1, height: 500, id: 5 }],
    [{ type: 'byru:height', version: 1, height: 500.5, id: 'x' }],
    [{ type: 'byru:height', version: 1, height: 1e-300, id: 'x' }],
    [{ type: 'byru:height', version: 1, height: 0, id: 'x' }],
    [{ type: 'byru:height', version: 1, height: 20_000, id: 'x' }],
    [{ type: 'byru:height', version: 1, height: MIN_HEIGHT - 1, id: 'x' }],
    [{ type: 'byru:height', version: 1, height: MAX_HEIGHT + 1, id: 'x' }],
    [{ type: 'byru:height', version: 1.5, height: 500, id: 'x' }],
  ])('rejects %j', (data) => {
    expect(isHeightMessage(data)).toBe(false);
  });

  it.each([MIN_HEIGHT, 640, MAX_HEIGHT])('accepts the whole height %d (the documented range)', (height) => {
    expect(isHeightMessage({ type: 'byru:height', version: 1, height, id: 'x' })).toBe(true);
  });

  it('keeps a posted height in the range (a taller page is cut at the maximum)', () => {
    expect(heightMessage(MAX_HEIGHT * 3, 'x').height).toBe(MAX_HEIGHT);
    expect(heightMessage(0.4, 'x').height).toBe(MIN_HEIGHT);
  });

  it('accepts a later version with the same fields', () => {
    expect(isHeightMessage({ type: 'byru:height', version: 2, height: 500, id: 'x', extra: true })).toBe(true);
  });
});

describe('applyHeight (host side)', () => {
  it('sizes the iframe whose window sent the message, and only that one', () => {
    const a = createFrame();
    const b = createFrame();
    expect(applyHeight({ data: heightMessage(700, 'a'), source: b.contentWindow as never }, [a, b], SCRIPT)).toBe(b);
    expect([a.style.height, b.style.height]).toEqual(['', '700px']);
  });

  it('ignores messages of other types, malformed ones, and ones from windows that are not its iframes', () => {
    const a = createFrame();
    const stranger = { postMessage: vi.fn() };
    expect(
      applyHeight({ data: { type: 'resize', height: 900 }, source: a.contentWindow as never }, [a], SCRIPT),
    ).toBeNull();
    expect(
      applyHeight(
        { data: { ...heightMessage(900, 'a'), height: 'big' }, source: a.contentWindow as never },
        [a],
        SCRIPT,
      ),
    ).toBeNull();
    expect(applyHeight({ data: heightMessage(900, 'a'), source: stranger as never }, [a], SCRIPT)).toBeNull();
    expect(applyHeight({ data: heightMessage(900, 'a'), source: null }, [a], SCRIPT)).toBeNull();
    expect(a.style.height).toBe('');
  });
});

function createHost(frames: FrameLike[], named: Record<string, unknown> = {}) {
  const listeners = new Set<(e: MessageEvent) => void>();
  const win: HostWindow = {
    ...named,
    document: { querySelectorAll: () => frames },
    addEventListener: (_type, fn) => listeners.add(fn),
    removeEventListener: (_type, fn) => listeners.delete(fn),
  };
  const post = (data: unknown, source: unknown) =>
    listeners.forEach((fn) => fn({ data, source } as unknown as MessageEvent));
  return { win, post, listeners };
}

describe('installResizer', () => {
  it('asks the iframes already on the page for their height and then follows their messages', () => {
    const a = createFrame();
    const b = createFrame();
    const { win, post } = createHost([a, b]);
    installResizer(win, SCRIPT);
    expect(a.contentWindow.postMessage).toHaveBeenCalledWith({ type: REQUEST_TYPE }, '*');
    expect(b.contentWindow.postMessage).toHaveBeenCalledWith({ type: REQUEST_TYPE }, '*');
    post(heightMessage(640, 'a'), a.contentWindow);
    post(heightMessage(480, 'b'), b.contentWindow);
    post({ type: 'other', height: 1 }, a.contentWindow);
    expect([a.style.height, b.style.height]).toEqual(['640px', '480px']);
  });

  it('installs once per page (a second script tag does nothing) and can be stopped', () => {
    const a = createFrame();
    const { win, post, listeners } = createHost([a]);
    const stop = installResizer(win, SCRIPT);
    expect(installResizer(win, SCRIPT)).toBe(stop);
    expect(listeners.size).toBe(1);
    stop();
    expect(listeners.size).toBe(0);
    post(heightMessage(640, 'a'), a.contentWindow);
    expect(a.style.height).toBe('');
  });
});

describe('installResizer on a page with an element named byruResizer (a named global)', () => {
  const element = { tagName: 'DIV', id: 'byruResizer' };
  const form = { tagName: 'FORM', name: 'byruResizer', stop: { tagName: 'INPUT', name: 'stop' } };
  it.each([
    ['an element with that id', element],
    ['a form with that name and an input named stop', form],
  ])('still installs, resizes and stops with %s', (_, named) => {
    const a = createFrame();
    const { win, post, listeners } = createHost([a], { byruResizer: named });
    const stop = installResizer(win, SCRIPT);
    expect(listeners.size).toBe(1);
    post(heightMessage(640, 'a'), a.contentWindow);
    expect(a.style.height).toBe('640px');
    expect(() => stop()).not.toThrow();
    expect(listeners.size).toBe(0);
  });
});

describe('postHeight (iframe side)', () => {
  function setup(name = '') {
    let height = 600;
    const content = { getBoundingClientRect: () => ({ height }) } as unknown as HTMLElement;
    const parent = { postMessage: vi.fn() };
    const listeners = new Set<(e: MessageEvent) => void>();
    const win: ChildWindow = {
      name,
      location: { pathname: '/', search: '?embed=1&year=2020' },
      parent,
      addEventListener: (_t, fn) => listeners.add(fn),
      removeEventListener: (_t, fn) => listeners.delete(fn),
    };
    let resized: () => void = () => undefined;
    const stop = postHeight(content, win, (_el, cb) => {
      resized = cb;
      return () => undefined;
    });
    return {
      parent,
      stop,
      listeners,
      resize: (h: number) => {
        height = h;
        resized();
      },
      message: (data: unknown, source: unknown) =>
        listeners.forEach((fn) => fn({ data, source } as unknown as MessageEvent)),
    };
  }

  it('posts its height at once, then on each change (not on a resize to the same height), to any origin', () => {
    const { parent, resize } = setup('map-a');
    resize(600);
    resize(812.4);
    expect(parent.postMessage.mock.calls).toEqual([
      [heightMessage(600, 'map-a'), '*'],
      [heightMessage(813, 'map-a'), '*'],
    ]);
  });

  it('names itself by path and query when the iframe has no name', () => {
    expect(setup().parent.postMessage.mock.calls[0]?.[0]).toMatchObject({ id: '/?embed=1&year=2020' });
  });

  it('answers a height request from its parent only', () => {
    const { parent, message, stop, listeners } = setup();
    message({ type: REQUEST_TYPE }, { someone: 'else' });
    message({ type: 'other' }, parent);
    expect(parent.postMessage).toHaveBeenCalledTimes(1);
    message({ type: REQUEST_TYPE }, parent);
    expect(parent.postMessage).toHaveBeenCalledTimes(2);
    stop();
    expect(listeners.size).toBe(0);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers a flood of height requests with one answer per interval, the last one included', () => {
    vi.useFakeTimers();
    const { parent, message, stop } = setup();
    vi.advanceTimersByTime(REQUEST_INTERVAL_MS);
    parent.postMessage.mockClear();
    for (let i = 0; i < 1000; i++) message({ type: REQUEST_TYPE }, parent);
    expect(parent.postMessage).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(REQUEST_INTERVAL_MS);
    expect(parent.postMessage).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(REQUEST_INTERVAL_MS * 10);
    expect(parent.postMessage).toHaveBeenCalledTimes(2);
    for (let i = 0; i < 1000; i++) message({ type: REQUEST_TYPE }, parent);
    stop();
    vi.advanceTimersByTime(REQUEST_INTERVAL_MS * 10);
    expect(parent.postMessage).toHaveBeenCalledTimes(3);
  });
});
