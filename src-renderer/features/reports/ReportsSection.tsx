import { useUi } from '../../app/store';
import { roleAllows } from '../../../src-shared/workspace/roles';
import { reportList } from '../../../src-shared/reports/catalogue';
import { ReportView } from './ReportView';
import { useReportsUi } from './reportsStore';
import './reports.css';

/** The Reports section: the reports this role may read, and the one open. */
export function ReportsSection() {
  const role = useUi((s) => s.status?.user?.role);
  const { report, show } = useReportsUi();
  const available = reportList.filter((r) => role && roleAllows(role, r.permission));
  const current = available.find((r) => r.id === report) ?? available[0];
  return (
    <section className="page rep-page">
      <h1>Reports</h1>
      {!current ? (
        <p className="muted">Your role has no reports to read.</p>
      ) : (
        <div className="rep-layout">
          <nav className="rep-list" aria-label="Reports">
            <ul>
              {available.map((r) => (
                <li key={r.id}>
                  <button type="button" aria-current={r.id === current.id ? 'page' : undefined} onClick={() => show(r.id)}>
                    {r.title}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <ReportView key={current.id} id={current.id} />
        </div>
      )}
    </section>
  );
}
