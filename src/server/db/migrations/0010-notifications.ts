/** Notifications to users (application status changes and the like): in-app inbox. */
export const statements: string[] = [];
