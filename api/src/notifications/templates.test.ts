import { describe, expect, it } from 'vitest';
import { renderNotification, type NotificationFacts } from './templates.js';
import { isValidUnsubscribe, unsubscribeUrl } from './unsubscribe-link.js';

const requester: NotificationFacts = {
  requestId: '1042',
  serviceName: 'Pothole',
  address: '742 Evergreen Terrace',
  trackingUrl: 'https://311.example/track/1042?token=abc',
  unsubscribeUrl: 'https://311.example/unsubscribe?request=1042&email=a%40b.org&sig=x',
  recipient: 'requester',
};
const follower: NotificationFacts = {
  ...requester,
  trackingUrl: 'https://311.example/track/1042',
  recipient: 'follower',
};

describe('renderNotification', () => {
  it('words a status change with the note, the tracking link and the unsubscribe link', () => {
    const mail = renderNotification(
      'status_changed',
      { status: 'action_scheduled', note: 'A crew will repair it.' },
      requester,
    );
    expect(mail.subject).toBe('Request 1042 (Pothole): action scheduled');
    expect(mail.text).toBe(
      [
        'Your request 1042 (Pothole, 742 Evergreen Terrace) is now: action scheduled.',
        'A crew will repair it.',
        'Follow it here: https://311.example/track/1042?token=abc',
        '-- \nYou receive this because you reported this problem.\nTo stop these emails about this request: https://311.example/unsubscribe?request=1042&email=a%40b.org&sig=x',
      ].join('\n\n'),
    );
    expect(mail.html).toContain('<a href="https://311.example/track/1042?token=abc">Follow request 1042</a>');
    expect(mail.html).toContain(
      '<a href="https://311.example/unsubscribe?request=1042&amp;email=a%40b.org&amp;sig=x">Stop these emails</a>',
    );
  });

  it('words a closing with its resolution and message, and tells a follower why they get it', () => {
    const mail = renderNotification(
      'request_closed',
      { status: 'fixed', resolution: 'fixed', message: 'The pothole has been repaired.' },
      follower,
    );
    expect(mail.subject).toBe('Request 1042 (Pothole) is closed');
    expect(mail.text).toContain('The request 1042 (Pothole, 742 Evergreen Terrace) is closed (fixed).');
    expect(mail.text).toContain('The pothole has been repaired.');
    expect(mail.text).toContain('Follow it here: https://311.example/track/1042\n');
    expect(mail.text).toContain('you chose to follow this request');
  });

  it('carries the answer to a question', () => {
    const mail = renderNotification(
      'request_answered',
      { answer: 'Bulk pickup is on Mondays.' },
      { ...requester, address: null },
    );
    expect(mail.subject).toBe('Request 1042 (Pothole): answered');
    expect(
      mail.text.startsWith('Your request 1042 (Pothole) has an answer:\n\nBulk pickup is on Mondays.'),
    ).toBe(true);
  });

  it("renders a workflow's own notify template from data.subject and data.message, or a plain notice", () => {
    const custom = renderNotification(
      'crew_on_the_way',
      { subject: 'A crew is on the way', message: 'Expect them before noon.' },
      requester,
    );
    expect(custom.subject).toBe('A crew is on the way');
    expect(custom.text).toContain('There is news about your request 1042');
    expect(custom.text).toContain('Expect them before noon.');
    const bare = renderNotification('anything', {}, follower);
    expect(bare.subject).toBe('Request 1042 (Pothole): an update');
    expect(bare.text).toContain('There is news about the request 1042');
  });

  it('escapes what residents and workflows wrote before putting it in HTML', () => {
    const mail = renderNotification(
      'status_changed',
      { status: 'open', note: '<script>x</script> & "q"' },
      requester,
    );
    expect(mail.html).toContain('<p>&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot;</p>');
    expect(mail.html).not.toContain('<script>');
  });
});

describe('unsubscribe links', () => {
  it('signs request and address, so the link works for that pair only', () => {
    const link = new URL(unsubscribeUrl('https://311.example/', 'secret', '1042', 'Lisa@Example.org'));
    expect(link.origin + link.pathname).toBe('https://311.example/unsubscribe');
    expect(link.searchParams.get('email')).toBe('lisa@example.org');
    const sig = link.searchParams.get('sig')!;
    expect(isValidUnsubscribe('secret', '1042', 'lisa@example.org', sig)).toBe(true);
    expect(isValidUnsubscribe('secret', '1043', 'lisa@example.org', sig)).toBe(false);
    expect(isValidUnsubscribe('secret', '1042', 'bart@example.org', sig)).toBe(false);
    expect(isValidUnsubscribe('other', '1042', 'lisa@example.org', sig)).toBe(false);
    expect(isValidUnsubscribe('secret', '1042', 'lisa@example.org', '')).toBe(false);
  });
});
