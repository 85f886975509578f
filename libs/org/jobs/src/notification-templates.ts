import type { NotificationContent } from '@gridgov/org-data-access';
import type { NotificationJob } from '@gridgov/platform-queue';

type Params = NotificationJob['params'];

/** Titles and bodies of the templates org renders itself; others fall back to a generic rendering. */
const deadline = (p: Params) => (p['deadlineAt'] ? `，期限 ${p['deadlineAt']}` : '');
const color = (label: string, action: string) => (p: Params) => ({
  title: `工单${label}：${p['ticketNumber']}`,
  body: `工单 ${p['ticketNumber']}（${p['status']}）${action}${deadline(p)}。`,
});

const TEMPLATES: Record<string, (p: Params) => { title: string; body: string }> = {
  TICKET_COLOR_YELLOW: color('黄灯预警', '即将超时，请尽快处理'),
  TICKET_COLOR_ORANGE: color('橙灯超时', '已超过办理期限，请督促办理'),
  TICKET_COLOR_RED: color('红灯督办', '严重超时，已列入领导督办'),
  TICKET_RATING_REMINDER: (p) => ({
    title: `请评价工单 ${p['ticketNumber']}`,
    body: `您反映的问题已办结，请对办理结果进行评价，逾期将自动办结。`,
  }),
  DEMO_CHANNELS: (p) => ({ title: '通知通道演示', body: String(p['message']) }),
  VISIT_DIGEST: (p) => {
    const grids = visitDigestGrids(p);
    const where = grids.length === 1 ? `网格 ${grids[0].gridCode} ` : `${grids.length} 个网格`;
    const lines = grids.map((g) => `网格 ${g.gridCode}：逾期 ${g.overdue} 人，今日到期 ${g.dueToday} 人。`);
    return {
      title: `走访提醒：${where}有 ${Number(p['overdue']) + Number(p['dueToday'])} 人待走访`,
      body: `${lines.join('\n')}\n请在“待走访”中查看名单。`,
    };
  },
  PARTY_MEETING_DUE: (p) => ({
    title: `三会一课提醒：${p['branchName']}`,
    body: `本期尚未召开：${p['meetingKinds']}（共 ${p['count']} 项）。请按期召开并录入记录。`,
  }),
  COUNCIL_MEETING_SOON: (p) => ({
    title: `议事会提醒：${p['title']}`,
    body: `居民议事会将于 ${p['heldOn']} 召开，参会 ${p['participants']} 人，请做好准备。`,
  }),
};

type DigestGrid = { gridCode: string | number; overdue: string | number; dueToday: string | number };

/** A visit digest's grids (JSON in `grids`); digests queued before it carried one grid's fields. */
function visitDigestGrids(p: Params): DigestGrid[] {
  if (p['grids']) return JSON.parse(String(p['grids'])) as DigestGrid[];
  return [{ gridCode: p['gridCode'], overdue: p['overdue'], dueToday: p['dueToday'] }];
}

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
