import { useAppState } from '../state/StoreContext';
import { selectRegion } from '../state/selectors';

/** Name of the region under the pointer, shown over the map (a live region would be too chatty). */
export function HoverLabel() {
  const lang = useAppState((s) => s.lang);
  const region = useAppState((s) => selectRegion(s, s.hover));
  if (!region) return null;
  return (
    <div className="byru-hover" aria-hidden="true">
      {region.names[lang]}
    </div>
  );
}
