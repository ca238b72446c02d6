import { useAppState, useAppStore } from '../state/StoreContext';

/** Name of the region or city under the pointer, shown over the map (a live region would be too chatty). */
export function HoverLabel() {
  const { derived } = useAppStore();
  const lang = useAppState((s) => s.lang);
  const place = useAppState((s) => derived.place(s, s.hover));
  if (!place) return null;
  return (
    <div className="byru-hover" aria-hidden="true">
      {place.names[lang]}
    </div>
  );
}
