import cvssCalculator from 'ae-cvss-calculator';

// A CommonJS bundle: its named exports come through the default export.
const { Cvss2, Cvss3P0, Cvss3P1, Cvss4P0 } = cvssCalculator;

/**
 * The CVSS base score (0–10) of a vector of CVSS 2, 3.0, 3.1 or 4.0, computed with FIRST's formulas
 * (ae-cvss-calculator); null when the vector cannot be read.
 */
export function cvssScore(vector: string): number | null {
  const calculator = vector.startsWith('CVSS:4.0/')
    ? new Cvss4P0()
    : vector.startsWith('CVSS:3.1/')
      ? new Cvss3P1()
      : vector.startsWith('CVSS:3.0/')
        ? new Cvss3P0()
        : /^\(?AV:[LAN]\//.test(vector)
          ? new Cvss2()
          : undefined;
  if (!calculator) return null;
  try {
    calculator.applyVector(vector);
    const score = calculator.calculateScores().base;
    return typeof score === 'number' && Number.isFinite(score) && score >= 0 && score <= 10 ? score : null;
  } catch {
    return null;
  }
}
