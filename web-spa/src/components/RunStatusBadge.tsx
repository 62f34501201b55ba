import type { RunStatus } from '../api/types';

export const STATUS_WORDS: Record<RunStatus, string> = {
  QUEUED: 'Waiting to start',
  RUNNING: 'Running',
  SUCCEEDED: 'Finished',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <span className={`status status-${status.toLowerCase()}`}>{STATUS_WORDS[status]}</span>;
}
