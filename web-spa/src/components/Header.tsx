import type { Session } from '../api/types';

export function Header({ session, onSignOut, onHome }: { session: Session; onSignOut: () => void; onHome: () => void }) {
  const roles = session.roles.length ? session.roles.join(', ') : 'no role';
  return (
    <header className="topbar">
      <a
        className="brand"
        href="/"
        onClick={(e) => {
          e.preventDefault();
          onHome();
        }}
      >
        Customer Data Tools
      </a>
      <div className="who">
        <span>
          Signed in as <strong>{session.username}</strong> <span className="role">({roles})</span>
        </span>
        <button type="button" className="button-secondary" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
