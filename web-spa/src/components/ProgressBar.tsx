import { clampPercent } from '../format';

/** A run's progress: the phase in words and a bar (screen readers hear both). */
export function ProgressBar({ percent, phase, label }: { percent: number | null | undefined; phase: string; label: string }) {
  const value = clampPercent(percent);
  return (
    <div className="progress-row">
      <div
        className="progress"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${phase}: ${value}%`}
      >
        <div className="progress-fill" style={{ width: `${value}%` }} />
      </div>
      <span className="percent" aria-hidden="true">
        {value}%
      </span>
    </div>
  );
}

/** What a run is doing now, in words, when the server has not named a phase yet. */
export function phaseOf(run: { status: string; progress?: { phase?: string | null } | null }): string {
  return run.progress?.phase || (run.status === 'QUEUED' ? 'Waiting for a worker' : 'Working');
}
