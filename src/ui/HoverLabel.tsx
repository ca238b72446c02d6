import { useAppState } from '../state/StoreContext';
import { selectCity, selectRegion } from '../state/selectors';

/** Name of the region or city under the pointer, shown over the map (a live region would be too chatty). */
export function HoverLabel() {
  const lang = useAppState((s) => s.lang);
  const place = useAppState((s) => selectRegion(s, s.hover) ?? selectCity(s, s.hover));
  if (!place) return null;
  return (
    <div className="byru-hover" aria-hidden="true">
      {place.names[lang]}
    </div>
  );
}
