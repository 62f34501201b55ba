import type { Session } from '../api/types';
import { linkTo, sectionOf, type Navigate, type Route, type Section } from '../router';

const SECTIONS: { section: Section; label: string; route: Route }[] = [
  { section: 'dashboard', label: 'Dashboard', route: { name: 'dashboard' } },
  { section: 'run-tool', label: 'Run a tool', route: { name: 'run-tool' } },
  { section: 'history', label: 'History', route: { name: 'history', filter: {} } },
  { section: 'customers', label: 'Customers', route: { name: 'customers' } },
];

export function Header({
  session,
  onSignOut,
  route,
  navigate,
}: {
  session: Session;
  onSignOut: () => void;
  route: Route;
  navigate: Navigate;
}) {
  const roles = session.roles.length ? session.roles.join(', ') : 'no role';
  const current = sectionOf(route);
  return (
    <header className="topbar">
      <a className="brand" {...linkTo({ name: 'dashboard' }, navigate)}>
        Customer Data Tools
      </a>
      <nav aria-label="Main">
        <ul className="nav">
          {SECTIONS.map((s) => (
            <li key={s.section}>
              <a {...linkTo(s.route, navigate)} aria-current={s.section === current ? 'page' : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="who">
        <span>
          Signed in as{' '}
          <strong title={session.name && session.name !== session.username ? session.username : undefined}>
            {session.name || session.username}
          </strong>{' '}
          <span className="role">({roles})</span>
        </span>
        <button type="button" className="button-secondary" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
