/**
 * What each number Steward shows means: its scale, how it is made, and which values are good or
 * bad. One wording for the app's legends, the reports and the docs; the formulas are those of the
 * analyzers named (docs/*.md has the long form).
 */
interface MetricMeaning {
  /** The name shown as a column header or a tile's label. */
  readonly name: string;
  /** The range and unit: "0–100", "days", "points per hour". */
  readonly scale: string;
  /** How it is made, in one or two sentences. */
  readonly meaning: string;
  /** Which values are good and which bad, from good to bad; empty when a value is only compared (a rank). */
  readonly bands: readonly string[];
}

export const metricMeanings = {
  cognitive: {
    name: 'Cognitive complexity',
    scale: '0 and up, per function',
    meaning: 'How hard the function is to follow (SonarSource): +1 for each break in the straight flow (if, loop, catch, && run), more the deeper it is nested.',
    bands: ['up to 15: easy to follow', '16–25: hard', 'over 25: very hard; split it'],
  },
  cyclomatic: {
    name: 'Cyclomatic complexity',
    scale: '1 and up, per function',
    meaning: 'The number of paths through the function (McCabe): 1 plus each branch. About the number of tests it takes to run every path.',
    bands: ['up to 10: simple', '11–20: complex', 'over 20: hard to test'],
  },
  nesting: {
    name: 'Nesting',
    scale: '0 and up, per function',
    meaning: 'The deepest level of blocks inside one another (if in a loop in a try…).',
    bands: ['up to 3: fine', '4: deep', '5 or more: flatten it'],
  },
  maintainability: {
    name: 'Maintainability index',
    scale: '0–100, per file (a folder: its files weighted by lines of code)',
    meaning: "Visual Studio's variant: from the Halstead volume, the cyclomatic complexity and the lines of code. Long, dense and branchy files score low.",
    bands: ['20–100: maintainable', '10–19: moderate', '0–9: hard to maintain'],
  },
  cognitiveP90: {
    name: 'Cognitive p90',
    scale: '0 and up, per folder',
    meaning: "The cognitive complexity that 90 % of the folder's functions stay at or below: how its harder functions fare, not swayed by one outlier.",
    bands: ['up to the threshold (15 by default): fine', 'over it: the folder\'s harder functions are hard to follow'],
  },
  hotspotScore: {
    name: 'Hotspot score',
    scale: 'changes × complexity, unbounded',
    meaning: "The file's changes in the history window times its complexity: complex code that keeps changing, where debt costs most. Compare files of one repository by it; the number itself has no unit.",
    bands: [],
  },
  couplingDegree: {
    name: 'Coupling degree',
    scale: '0–100 %',
    meaning: "The pair's shared commits over the mean of their commits (code-maat's degree): files that change together although nothing in the code says so.",
    bands: ['under 30 %: loose', '30–60 %: coupled', 'over 60 %: they change as one'],
  },
  fragmentation: {
    name: 'Fragmentation',
    scale: '0–1, per folder',
    meaning: 'How spread the authorship of the added lines is: 1 minus the sum of squared shares of each author. 0: one author wrote everything; near 1: many wrote a little each.',
    bands: ['0–0.3: one clear owner', '0.3–0.7: a few owners', 'over 0.7: nobody owns it'],
  },
  knowledgeIslands: {
    name: 'Knowledge islands',
    scale: 'files',
    meaning: 'Files of code where one still-active author wrote 95 % or more of the lines (bus factor 1): if they leave, the knowledge goes with them.',
    bands: ['0: good', 'more: pair someone with the owner'],
  },
  ownersLeft: {
    name: 'Owners left',
    scale: 'files',
    meaning: 'Files of code whose every main author (20 % or more of the lines) has not committed for 6 months: knowledge that has left the team.',
    bands: ['0: good', 'more: someone should learn these files'],
  },
  dependencyRisk: {
    name: 'Dependency risk',
    scale: '0 and up, for sorting',
    meaning: 'Advisories by severity (critical 40, high 20, moderate 8, low 2), deprecated 15, abandoned 10, 4 per libyear of drift (up to 5), 3 per major version behind (up to 3), 2 for a peer or engines conflict of the upgrade.',
    bands: ['0: up to date', 'under 10: routine', '10–40: plan it', 'over 40: act now'],
  },
  drift: {
    name: 'Drift',
    scale: 'days',
    meaning: "The latest release's date minus the date of the version in use: how far behind the package is. Summed over packages in years, it is libyears.",
    bands: ['under 90 days: current', '90–365: behind', 'over a year: stale'],
  },
  libyears: {
    name: 'Libyears',
    scale: 'years, summed over packages',
    meaning: "Every package's drift added up, in years: the age of the dependency set as a whole.",
    bands: ['about 0: current', 'grows with packages and time; watch its trend'],
  },
  healthScore: {
    name: 'Health score',
    scale: '0–100, rated A–E',
    meaning: 'The open debt items weighed against the lines of code, by part (complexity, hotspots, dead code, dependencies, vulnerabilities, architecture, coverage, tests, knowledge); every lost point is an item (docs/health-score.md).',
    bands: ['A: 90–100', 'B: 75–89', 'C: 60–74', 'D: 40–59', 'E: under 40'],
  },
  effort: {
    name: 'Effort',
    scale: 'minutes or hours',
    meaning: 'The estimated time to fix the item, from its kind and size (docs/cost-model.md).',
    bands: [],
  },
  interest: {
    name: 'Interest',
    scale: 'minutes per month',
    meaning: "What the item costs while it stays: its effort's share of every change to its file, times how often the file changes.",
    bands: [],
  },
  itemRisk: {
    name: 'Risk',
    scale: '0–100',
    meaning: "From the item's severity (critical 90, high 70, medium 40, low 20, info 5) or a vulnerability's CVSS × 10, raised up to 1.5 × in a file the tests never run.",
    bands: ['under 30: low', '30–70: medium', 'over 70: high'],
  },
  priority: {
    name: 'Priority',
    scale: 'points per hour of work',
    meaning: 'A year of interest plus the risk, per hour of effort: what pays back first. Compare items by it.',
    bands: [],
  },
} as const satisfies Record<string, MetricMeaning>;

export type MetricId = keyof typeof metricMeanings;
