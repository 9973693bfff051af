import type { Draft } from '../../../core/api/drafts';

/** A draft's state as a coloured word: what needs a person (ready) stands out, what is over is quiet. */
export function DraftStateBadge({ state }: { state: Draft['state'] }) {
  return <span className={`draft-state ${state}`}>{state}</span>;
}

/** Low, medium or high with the score of 100. */
export function RiskBadge({ risk }: { risk: NonNullable<Draft['risk']> }) {
  return (
    <span className={`risk ${risk.level}`} title={`Risk ${risk.score} of 100`}>
      {risk.level} {risk.score}
    </span>
  );
}
