/** The rating's colour (A green … E red), as CSS variables of both themes; muted without a rating. */
export const ratingColour = (rating: string | null): string => (rating ? `var(--rating-${rating.toLowerCase()})` : 'var(--muted)');

/** The score the portfolio and the Health page forecast against: the lower bound of the B rating. */
export const scoreThreshold = 75;
