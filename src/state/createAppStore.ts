import type { InsetPlacement } from '../scene/inset';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_DISPLAY, type DisplayConfig, type ViewConfig } from '../config';
import { LINK_KINDS, type Dataset, type Lang, type LinkKind } from '../data/types';
import type { Geography } from '../data/load';
import type { GeoBounds } from '../scene/view/camera';
import { createSelectors, type Selectors } from './selectors';

/** A request to the map to frame `bounds` (null: the whole map); a new object each time. */
export interface FitRequest {
  bounds: GeoBounds | null;
}

export type LoadState =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; geo: Geography; dataset: Dataset };

export interface AppState {
  year: number;
  /** Selected region code or city id (may be unknown: the panel then says "not found"). */
  selection: string | null;
  /** Region under the pointer (hover), for the tooltip. */
  hover: string | null;
  /** Where the map's inset of Belarus goes for the map's shape (`chooseInsetPlacement`); set by the map view. */
  inset: InsetPlacement;
  kinds: LinkKind[];
  lang: Lang;
  playing: boolean;
  /** Playback speed multiplier (1 = one year per 1.5 s). */
  speed: 1 | 2 | 4;
  loop: boolean;
  load: LoadState;
  debug: boolean;
  /** Embed and presentation flags, fixed for the life of the instance. */
  display: DisplayConfig;
  /** Presenter mode is on (from `present=1` or the button). */
  presenting: boolean;
  /** The last framing asked of the map (story steps), or null. */
  fit: FitRequest | null;

  setYear: (year: number) => void;
  select: (id: string | null) => void;
  setHover: (id: string | null) => void;
  setInset: (placement: InsetPlacement) => void;
  toggleKind: (kind: LinkKind) => void;
  setKinds: (kinds: LinkKind[]) => void;
  setLang: (lang: Lang) => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: 1 | 2 | 4) => void;
  setLoop: (loop: boolean) => void;
  setLoad: (load: LoadState) => void;
  setPresenting: (presenting: boolean) => void;
  /** Asks the map to frame geographic bounds (null: the whole map). */
  fitTo: (bounds: GeoBounds | null) => void;
  /** Applies a whole view (e.g. from the URL on back/forward). */
  applyView: (view: Omit<ViewConfig, 'debug'>) => void;
}

/** A store and its derived-value selectors, whose caches live with it. */
export type AppStore = StoreApi<AppState> & { derived: Selectors };

/** One store per mounted instance, so two maps on a page never share state or caches. */
export function createAppStore(initial: ViewConfig, display: DisplayConfig = DEFAULT_DISPLAY): AppStore {
  const store = createStore<AppState>()((set) => ({
    year: initial.year,
    selection: initial.region,
    hover: null,
    inset: 'wide',
    kinds: initial.kinds,
    lang: initial.lang,
    playing: false,
    speed: 1,
    loop: false,
    load: { status: 'loading' },
    debug: initial.debug,
    display,
    presenting: display.present,
    fit: null,

    setYear: (year) => set({ year }),
    select: (selection) => set({ selection }),
    setHover: (hover) => set({ hover }),
    setInset: (inset) => set({ inset }),
    toggleKind: (kind) =>
      set((s) => ({ kinds: LINK_KINDS.filter((k) => (k === kind ? !s.kinds.includes(k) : s.kinds.includes(k))) })),
    setKinds: (kinds) => set({ kinds }),
    setLang: (lang) => set({ lang }),
    setPlaying: (playing) => set({ playing }),
    setSpeed: (speed) => set({ speed }),
    setLoop: (loop) => set({ loop }),
    setLoad: (load) => set({ load }),
    setPresenting: (presenting) => set({ presenting }),
    fitTo: (bounds) => set({ fit: { bounds } }),
    applyView: (v) => set({ year: v.year, selection: v.region, kinds: v.kinds, lang: v.lang }),
  }));
  return Object.assign(store, { derived: createSelectors() });
}

/** The URL-visible part of the state. */
export function viewOf(s: AppState): ViewConfig {
  return { year: s.year, region: s.selection, kinds: s.kinds, lang: s.lang, debug: s.debug };
}
