/**
 * Every permission the platform knows. Roles (data, table `roles`) are sets of these; a role is
 * granted on a unit and its permissions apply to that unit's whole subtree.
 * Domain modules add their own permissions here with a comment saying what they allow.
 */
export const PERMISSIONS = {
  /** Create, rename, merge, split units; edit school profiles; import schools. */
  'org.manage': 'Manage units and schools in the subtree',
  /** See the accounts that hold a role in the subtree. */
  'users.read': 'See user accounts in the subtree',
  /** Create accounts, grant and revoke roles, reset passwords, unlock, in the subtree. */
  'users.manage': 'Manage user accounts in the subtree',
  /** Browse the audit log of the subtree. */
  'audit.read': 'Read the audit log of the subtree',
  /** Configure administrative procedures (documents, processing time, fee) offered by units in the subtree. */
  'dossiers.configure': 'Configure procedures of units in the subtree',
  /** Read the dossiers handled by units in the subtree. */
  'dossiers.read': 'Read dossiers handled in the subtree',
  /** Process dossiers (receive, review, ask for a supplement, approve, reject) handled in the subtree. */
  'dossiers.process': 'Process dossiers handled in the subtree',
  /** Read the notification outbox (development and demo installations). */
  'notify.outbox.read': 'Read the notification outbox',
  /** Configure admission rounds run by units in the subtree. */
  'admissions.manage': 'Configure admission rounds in the subtree',
  /** Review admission applications of schools in the subtree. */
  'admissions.review': 'Review admission applications in the subtree',
  /** Run practice and real allocations, publish results, for rounds in the subtree. */
  'admissions.allocate': 'Allocate and publish admission results in the subtree',
  /** Contribute learning resources (create, edit drafts, submit) owned by schools in the subtree. */
  'library.contribute': 'Contribute learning resources of schools in the subtree',
  /** Review, publish, return, take down and restore learning resources; curate collections. */
  'library.moderate': 'Moderate learning resources of the subtree',
  /** Read the library's usage statistics and the contribution report of schools in the subtree (a grant on the Sở or a division of it: the province). */
  'library.report': 'Read library statistics of schools in the subtree',
  /** Search and read diploma register entries issued by units in the subtree (each view audited). */
  'diplomas.read': 'Read the diploma registers of the subtree',
  /** Import lists into diploma registers and record corrections, for units in the subtree. */
  'diplomas.manage': 'Manage the diploma registers of the subtree',
  /** Describe fonds, files and documents of the electronic archive, decide read requests, see access logs and fixity. */
  'archive.manage': 'Manage the electronic archive of the subtree',
  /** Create and edit plans (kế hoạch), their sections and tasks, issued by units in the subtree; import and export them. */
  'plans.manage': 'Manage plans and tasks issued in the subtree',
  /** Report progress (with evidence) on plan tasks led by or coordinated by units in the subtree; read those plans. */
  'plans.report': 'Report progress on plan tasks of the subtree',
  /** Issue directives (văn bản chỉ đạo) from units in the subtree and follow who read and answered them. */
  'directives.issue': 'Issue directives from units in the subtree',
  /** Read and answer directives addressed to units in the subtree. */
  'directives.respond': 'Read and answer directives addressed to the subtree',
  /** Define periodic report forms and quick surveys, assign them to units, set their windows. */
  'reports.design': 'Define report forms for units in the subtree',
  /** Fill in and complete the reports of units in the subtree. */
  'reports.submit': 'Fill in and complete reports of units in the subtree',
  /** Approve, send back and reopen the reports of units below (the level above a unit decides on it). */
  'reports.approve': 'Approve, send back and reopen reports of the subtree',
  /** Read report data, completeness and aggregates of the subtree; export them. */
  'reports.read': 'Read reports and their aggregates in the subtree',
  /** Define indicators (KPIs) and set their targets per year and unit. */
  'kpis.manage': 'Define KPIs and their targets in the subtree',
  /** See the operations dashboards (KPIs, completeness, DX levels, late tasks) of the subtree. */
  'dashboards.read': 'See the operations dashboards of the subtree',
  /** Fill in the school's digital-transformation self-assessment (Quyết định 4725/QĐ-BGDĐT) with evidence. */
  'dx.assess': 'Fill in the digital-transformation self-assessment of schools in the subtree',
  /** Approve and submit the school's self-assessment (the principal). */
  'dx.submit': 'Approve and submit the digital-transformation self-assessment',
  /** Evaluate submitted self-assessments, ask for more evidence, recognise and publish results. */
  'dx.evaluate': 'Evaluate and recognise digital-transformation levels in the subtree',
} as const;

export type Permission = keyof typeof PERMISSIONS;

export function isPermission(p: string): p is Permission {
  return Object.hasOwn(PERMISSIONS, p);
}
