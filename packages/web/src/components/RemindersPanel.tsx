import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** One list in a reminders panel: its heading and the items it reminds of. */
export interface ReminderGroup<T> {
  key: string;
  label: string;
  items: readonly T[];
}

/**
 * A panel of reminders, one list per group that has items: each item's reference links to it,
 * followed by a short description. Renders nothing when every group is empty.
 */
export function RemindersPanel<T extends { id: number | string; reference: string }>({
  headingId,
  title,
  groups,
  linkTo,
  describe,
}: {
  headingId: string;
  title: string;
  groups: readonly ReminderGroup<T>[];
  linkTo: (item: T) => string;
  describe: (item: T) => ReactNode;
}) {
  const shown = groups.filter((g) => g.items.length > 0);
  if (shown.length === 0) return null;
  return (
    <section className="panel reminders" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {shown.map((g) => (
        <div key={g.key}>
          <h3>{g.label}</h3>
          <ul>
            {g.items.map((item) => (
              <li key={item.id}>
                <Link to={linkTo(item)} className="mono">
                  {item.reference}
                </Link>{' '}
                {describe(item)}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
