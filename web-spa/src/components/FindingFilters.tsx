import { SEVERITIES, type Severity } from '../api/types';
import { categoryLabel, SEVERITY_LABELS } from '../format';

/** The category and severity choices shared by a run's results and a comparison. */
export function FindingFilters({
  idPrefix,
  categories,
  category,
  severity,
  onChange,
}: {
  idPrefix: string;
  categories: string[];
  category?: string;
  severity?: Severity;
  onChange: (next: { category?: string; severity?: Severity }) => void;
}) {
  return (
    <>
      <div className="field field-inline">
        <label htmlFor={`${idPrefix}-category`}>Category</label>
        <select
          id={`${idPrefix}-category`}
          value={category ?? ''}
          onChange={(e) => onChange({ category: e.target.value || undefined, severity })}
        >
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(c)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-inline">
        <label htmlFor={`${idPrefix}-severity`}>Severity</label>
        <select
          id={`${idPrefix}-severity`}
          value={severity ?? ''}
          onChange={(e) => onChange({ category, severity: (e.target.value || undefined) as Severity | undefined })}
        >
          <option value="">All severities</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
