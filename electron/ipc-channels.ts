import type { RouteName } from '../core/api/routes.js';

/** IPC channel names shared by the main process and the preload. */
export const routeChannel = (route: RouteName): string => `steward:route:${route}`;
export const eventChannel = 'steward:event';
/** The desktop app's Save as PDF (electron/main/print-to-pdf.ts). */
export const printToPdfChannel = 'steward:print-to-pdf';
