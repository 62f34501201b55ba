import { useId } from 'react';
import { barLayout, chartDescription, ROW_HEIGHT } from '../results/chart';

const LABEL_WIDTH = 170;
const BAR_WIDTH = 220;
const COUNT_WIDTH = 60;

/**
 * Horizontal bars, one per category, longest first. A picture for the eye; screen readers get the
 * same numbers as one sentence (its text alternative), and the counts beside it stay as text.
 */
export function SummaryChart({
  title,
  counts,
  label,
}: {
  title: string;
  counts: Record<string, number>;
  label?: (key: string) => string;
}) {
  const id = useId();
  const { bars, height } = barLayout(counts, BAR_WIDTH, label);
  if (bars.length === 0) return null;
  const width = LABEL_WIDTH + BAR_WIDTH + COUNT_WIDTH;
  return (
    <figure className="summary-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: `${width}px` }}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{chartDescription(title, bars)}</desc>
        {bars.map((bar) => (
          <g key={bar.label} transform={`translate(0 ${bar.y})`}>
            <text x={LABEL_WIDTH - 8} y={ROW_HEIGHT / 2} dy="0.35em" textAnchor="end" className="chart-label">
              {bar.label.length > 24 ? `${bar.label.slice(0, 23)}…` : bar.label}
            </text>
            <rect x={LABEL_WIDTH} y={4} width={bar.length} height={ROW_HEIGHT - 8} rx={3} className="chart-bar" />
            <text x={LABEL_WIDTH + bar.length + 6} y={ROW_HEIGHT / 2} dy="0.35em" className="chart-count">
              {bar.value.toLocaleString('en-US')}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="muted">{title}</figcaption>
    </figure>
  );
}
