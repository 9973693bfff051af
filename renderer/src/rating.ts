/** The rating's colour (A green … E red), as CSS variables of both themes; muted without a rating. */
export const ratingColour = (rating: string | null): string => (rating ? `var(--rating-${rating.toLowerCase()})` : 'var(--muted)');
