/**
 * Calls get a draft state: a call written in the editor stays off the public portal until the
 * Ambito opens it (0007 had only open / paused / closed, so a new call showed up as "closed").
 */
export const statements = [
  `alter table cat_call drop constraint cat_call_status_check`,
  `alter table cat_call add constraint cat_call_status_check
    check (status in ('draft', 'open', 'paused', 'closed'))`,
];
