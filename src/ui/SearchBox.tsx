import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { buildPlaceIndex, searchPlaces, type Place } from '../scene/searchPlaces';
import { useAppState, useT } from '../state/StoreContext';
import { selectDataset } from '../state/selectors';
import type { AppState } from '../state/createAppStore';

const selectRegions = (s: AppState) => (s.load.status === 'ready' ? s.load.geo.regions : null);

/**
 * Find a region or city by name in Russian, Belarusian or English (ARIA 1.2 combobox with a listbox).
 * Choosing a result selects it, as a click on the map would.
 */
export function SearchBox() {
  const t = useT();
  const lang = useAppState((s) => s.lang);
  const regions = useAppState(selectRegions);
  const dataset = useAppState(selectDataset);
  const select = useAppState((s) => s.select);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const id = useId();
  const listId = `${id}-list`;

  const index = useMemo(
    () => (regions && dataset ? buildPlaceIndex(regions, dataset.cities) : null),
    [regions, dataset],
  );
  const results = useMemo(() => (index ? searchPlaces(index, query, lang) : []), [index, query, lang]);
  const expanded = open && query.trim() !== '';
  const regionName = (code: string): string => regions?.find((r) => r.code === code)?.names[lang] ?? code;

  const choose = (place: Place | undefined): void => {
    if (!place) return;
    select(place.id);
    setQuery(place.names[lang]);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(results.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(-1, a - 1));
    } else if (e.key === 'Enter') {
      if (expanded) {
        e.preventDefault();
        // Enter without choosing takes the best match, as search boxes usually do.
        choose(results[Math.max(0, active)]);
      }
    } else if (e.key === 'Escape') {
      if (expanded) {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
      }
    }
  };

  return (
    <div className="byru-search">
      <label htmlFor={`${id}-input`}>{t('search.label')}</label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && results[active] ? `${id}-opt-${active}` : undefined}
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setActive(-1);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      <ul id={listId} role="listbox" aria-label={t('search.label')} hidden={!expanded}>
        {expanded && results.length === 0 && (
          <li role="option" aria-disabled="true" aria-selected="false" className="byru-search-empty">
            {t('search.noResults')}
          </li>
        )}
        {expanded &&
          results.map((p, i) => (
            <li
              key={p.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(p)}
            >
              <span>{p.names[lang]}</span>
              <small>
                {p.kind === 'city'
                  ? `${t('panel.city')} · ${regionName(p.region)}`
                  : t(`country.${p.id.slice(0, 2) as 'BY' | 'RU'}`)}
              </small>
            </li>
          ))}
      </ul>
    </div>
  );
}
