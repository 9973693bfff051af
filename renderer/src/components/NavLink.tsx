import type { ReactNode } from 'react';
import { Link } from 'wouter';

/** A link of a navigation (the sidebar, a page's tabs): the current one is marked for the eye (`active`) and for screen readers (`aria-current`). */
export function NavLink({ href, current, className, children }: { href: string; current: boolean; className: string; children: ReactNode }) {
  return (
    <Link href={href} className={current ? `${className} active` : className} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
