import type { NotificationContent } from '@gridgov/org-data-access';
import type { NotificationJob } from '@gridgov/platform-queue';

type Params = NotificationJob['params'];

/** Titles and bodies of the templates org renders itself; others fall back to a generic rendering. */
const TEMPLATES: Record<string, (p: Params) => { title: string; body: string }> = {
  VISIT_DIGEST: (p) => ({
    title: `走访提醒：网格 ${p['gridCode']} 有 ${Number(p['overdue']) + Number(p['dueToday'])} 人待走访`,
    body: `逾期 ${p['overdue']} 人，今日到期 ${p['dueToday']} 人。请在“待走访”中查看名单。`,
  }),
  PARTY_MEETING_DUE: (p) => ({
    title: `三会一课提醒：${p['branchName']}`,
    body: `本期尚未召开：${p['meetingKinds']}（共 ${p['count']} 项）。请按期召开并录入记录。`,
  }),
  COUNCIL_MEETING_SOON: (p) => ({
    title: `议事会提醒：${p['title']}`,
    body: `居民议事会将于 ${p['heldOn']} 召开，参会 ${p['participants']} 人，请做好准备。`,
  }),
};

export function renderNotification(notification: NotificationJob): NotificationContent {
  const render = TEMPLATES[notification.template];
  const { title, body } = render
    ? render(notification.params)
    : {
        title: notification.template,
        body: Object.entries(notification.params)
          .map(([key, value]) => `${key}: ${value}`)
          .join('\n'),
      };
  return { kind: notification.template, title: title.slice(0, 200), body, link: notification.link ?? null };
}
