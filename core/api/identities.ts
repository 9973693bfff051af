import { z } from 'zod';

const count = z.number().int().nonnegative();
/** An author key: the lower-cased email after .mailmap, else the name. */
const AuthorKeySchema = z.string().min(1).max(1000);

/** The identity map a scan used, recorded with its snapshot (so the app can say when it changed since). */
export const IdentityMapUsedSchema = z.object({
  /** The scanned commit's .mailmap: read, absent, or left out for its size. */
  mailmap: z.enum(['read', 'absent', 'too large']),
  merges: count,
  marks: count,
  /** Of the user's merges and marks: equal digests, equal maps. */
  digest: z.string(),
});

const IdentitySchema = z.object({ key: AuthorKeySchema, name: z.string(), email: z.string(), commits: count });

const PersonSchema = z.object({
  /** The key the person's identities count as. */
  key: AuthorKeySchema,
  name: z.string(),
  commits: count,
  bot: z.boolean(),
  /** Whether the user marked it a bot or a person, or its name and email decided. */
  kindFrom: z.enum(['mark', 'pattern']),
  /** Its identities (after .mailmap), most commits first; more than one when merged. */
  identities: z.array(IdentitySchema),
});
export type PersonReport = z.infer<typeof PersonSchema>;

const MergeSuggestionSchema = z.object({ into: AuthorKeySchema, merge: z.array(AuthorKeySchema), reasons: z.array(z.string()) });
export type MergeSuggestion = z.infer<typeof MergeSuggestionSchema>;

const IdentitiesSchema = z.object({
  /** The snapshot whose authors are listed (the newest scan of HEAD); null before the first scan. */
  snapshotId: z.number().int().positive().nullable(),
  /** The map that snapshot was counted with; null for a snapshot from before Steward recorded it. */
  usedByScan: IdentityMapUsedSchema.nullable(),
  /** The map as it is now: a digest unlike the scan's means results change at the next scan. */
  current: IdentityMapUsedSchema.omit({ mailmap: true }),
  /** People (each once, merges followed), most commits first; bots apart. Commits as the snapshot counted them (merge commits included). */
  people: z.array(PersonSchema),
  bots: z.array(PersonSchema),
  /** People who look like one (same name, or one mailbox at two domains), for the user to confirm. */
  suggestions: z.array(MergeSuggestionSchema),
});
export type Identities = z.infer<typeof IdentitiesSchema>;

export const identityRoutes = {
  'identities.list': { input: z.object({ repositoryId: z.number().int().positive() }), output: IdentitiesSchema },
  /** Counts the `merge` identities as the person `into`, in every repository. */
  'identities.merge': { input: z.object({ into: AuthorKeySchema, merge: z.array(AuthorKeySchema).min(1) }), output: z.object({}) },
  /** Counts a merged identity as its own person again. */
  'identities.unmerge': { input: z.object({ key: AuthorKeySchema }), output: z.object({}) },
  /** Marks an author a bot or a person, in every repository; null forgets the mark. */
  'identities.mark': { input: z.object({ key: AuthorKeySchema, as: z.enum(['bot', 'person']).nullable() }), output: z.object({}) },
} as const;
