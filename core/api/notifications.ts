import { z } from 'zod';

const notificationKinds = ['score-drop', 'forecast'] as const;

/**
 * News a scan brings about a repository's health (docs/schedule.md): its score fell by the settings'
 * `scoreDrop` or more in a week, or it is forecast to fall below `forecastScore` within
 * `forecastWeeks`. Worded once here, for the desktop notification, the browser's, and the CLI.
 */
export const HealthNotificationSchema = z.object({
  id: z.number().int().positive(),
  repositoryId: z.number().int().positive(),
  snapshotId: z.number().int().positive(),
  kind: z.enum(notificationKinds),
  title: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
});
export type HealthNotification = z.infer<typeof HealthNotificationSchema>;
