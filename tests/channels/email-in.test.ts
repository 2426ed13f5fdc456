/**
 * Email-in end to end over real SMTP on 127.0.0.1: a resident's mail client (nodemailer) sends to the
 * channel's listener; the city's relay is a local SMTP sink that captures the answers. Intake runs on
 * a fresh database with the Springfield catalogue.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import sharp from 'sharp';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, importCityPack, readCityPack, type TestDatabase } from '@civicdesk/api';
import { startEmailChannel, type RunningEmailChannel } from '@civicdesk/api/channels';
import { diskMediaStore } from '@civicdesk/api/media';

const springfield = fileURLToPath(new URL('../../examples/springfield', import.meta.url));
const publicUrl = 'https://311.springfield.example';

let db: TestDatabase;
let channel: RunningEmailChannel;
let sink: SmtpSink;

beforeAll(async () => {
  db = await createTestDatabase('email_in');
  await importCityPack(db.prisma, readCityPack(springfield));
  sink = await startSmtpSink();
  const sinkPort = sink.port;
  channel = await startEmailChannel({
    db: db.prisma,
    jurisdictionId: 'springfield.gov',
    listenPort: 0,
    relayUrl: `smtp://127.0.0.1:${sinkPort}`,
    publicUrl,
    fromAddress: '311@springfield.gov',
    acceptDomains: ['311.springfield.gov'],
    media: { store: diskMediaStore(mkdtempSync(join(tmpdir(), 'email-media-'))), maxBytes: 10_000_000 },
  });
});
afterAll(async () => {
  await channel?.close();
  await sink?.close();
  await db?.drop();
});

const residentMailer = () =>
  nodemailer.createTransport({ host: '127.0.0.1', port: channel.port, secure: false, ignoreTLS: true });

async function photo(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 90, g: 90, b: 80 } } })
    .jpeg()
    .withExif({
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '39/1 46/1 54/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '89/1 39/1 0/1',
      },
    })
    .toBuffer();
}

const repliesTo = (address: string) => sink.relayed.filter((r) => r.to.includes(address));

describe('email-in channel', () => {
  it('turns a mail into a request with service, location, answers and photo, and answers with the tracking id', async () => {
    const before = await db.prisma.serviceRequest.count();
    await residentMailer().sendMail({
      from: '"Homer Simpson" <homer@example.org>',
      to: 'report@311.springfield.gov',
      subject: 'Pothole on Elm Street',
      messageId: '<report-1@example.org>',
      text: [
        'There is a deep pothole in the right lane, in front of the school.',
        'Location: 39.7817, -89.6501',
        'Depth cm: 12',
        'Location type: Road',
        '',
        '-- ',
        'Homer Simpson',
        '+1 217 555 0100',
      ].join('\n'),
      attachments: [{ filename: 'IMG_0001.jpg', content: await photo(), contentType: 'image/jpeg' }],
    });

    // The listener answers 250 only once the mail is handled, so the request is already there.
    expect(await db.prisma.serviceRequest.count()).toBe(before + 1);
    const request = await db.prisma.serviceRequest.findFirstOrThrow({
      where: { email: 'homer@example.org' },
      include: { service: true, media: true },
    });
    expect(request).toMatchObject({
      channel: 'email',
      lat: 39.7817,
      long: -89.6501,
      description: 'There is a deep pothole in the right lane, in front of the school.',
      firstName: 'Homer',
      lastName: 'Simpson',
      attributes: { depth_cm: 12, location_type: 'road' },
    });
    expect(request.service.code).toBe('pothole');
    expect(request.media).toHaveLength(1);
    expect(request.media[0]).toMatchObject({
      originalName: 'IMG_0001.jpg',
      exifLat: 39.7816667,
      exifLong: -89.65,
    });
    expect(request.mediaUrl).toBe(`${publicUrl}/media/${request.media[0]!.id}.jpg`);

    const [reply] = repliesTo('homer@example.org');
    const id = request.id.toString();
    expect(reply?.mail.subject).toBe(`Request ${id} received: Pothole`);
    expect(reply?.mail.from?.text).toBe('311@springfield.gov');
    expect(reply?.mail.inReplyTo).toBe('<report-1@example.org>');
    expect(reply?.mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(reply?.mail.text).toContain(`Your tracking number is ${id}.`);
    expect(reply?.mail.text).toContain(`Follow it here: ${publicUrl}/track/${id}?token=${request.token}`);
  });

  it('answers a mail without a location with what to add, and stores nothing (not even its photo)', async () => {
    const requests = await db.prisma.serviceRequest.count();
    const media = await db.prisma.media.count();
    await residentMailer().sendMail({
      from: 'marge@example.org',
      to: 'pothole@311.springfield.gov',
      subject: 'Big hole',
      text: 'It is very deep.\ndepth_cm: 30\nlocation_type: road\n',
      attachments: [{ filename: 'hole.jpg', content: await photo(), contentType: 'image/jpeg' }],
    });

    expect(await db.prisma.serviceRequest.count()).toBe(requests);
    expect(await db.prisma.media.count()).toBe(media);
    const [reply] = repliesTo('marge@example.org');
    expect(reply?.mail.subject).toBe('Re: Big hole');
    expect(reply?.mail.text).toContain(
      '- Location: tell us where the problem is. Add a line "Address: 742 Evergreen Terrace", or "Location: 39.7817, -89.6501" (latitude, longitude).',
    );
    expect(reply?.mail.text).not.toContain('Service:');
  });

  it('lists every problem at once: unknown service, missing location and a PDF instead of a photo', async () => {
    await residentMailer().sendMail({
      from: 'bart@example.org',
      to: 'report@311.springfield.gov',
      subject: 'Something is wrong',
      text: 'Please come and look.',
      attachments: [
        { filename: 'letter.pdf', content: Buffer.from('%PDF-1.4\n'), contentType: 'application/pdf' },
      ],
    });

    const text = repliesTo('bart@example.org')[0]?.mail.text ?? '';
    expect(text).toContain('- Service: we could not tell which service your report is about.');
    expect(text).toContain('Pothole (pothole)');
    expect(text).toContain('- Location: tell us where the problem is.');
    expect(text).toContain('- Photo: this file is a PDF; attach a JPEG, PNG or HEIC photo (letter.pdf).');
    expect(await db.prisma.serviceRequest.count({ where: { email: 'bart@example.org' } })).toBe(0);
  });

  it('refuses mail for other domains at RCPT and never answers automated mail', async () => {
    await expect(
      residentMailer().sendMail({
        from: 'x@example.org',
        to: 'report@elsewhere.example',
        subject: 'Pothole',
        text: 'x',
      }),
    ).rejects.toThrow(/550/);

    await residentMailer().sendMail({
      from: 'autoresponder@example.org',
      to: 'report@311.springfield.gov',
      subject: 'Out of office: Pothole',
      text: 'I am away.\nAddress: 1 Main St',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect(repliesTo('autoresponder@example.org')).toEqual([]);
    expect(await db.prisma.serviceRequest.count({ where: { email: 'autoresponder@example.org' } })).toBe(0);
  });

  it('sends status updates through the same relay', async () => {
    await channel.replies.sendStatusUpdate('homer@example.org', {
      requestId: '1042',
      status: 'in_progress',
      summary: 'A crew is on the way',
      trackingUrl: `${publicUrl}/track/1042?token=t`,
    });
    const update = repliesTo('homer@example.org').at(-1);
    expect(update?.mail.subject).toBe('Request 1042: A crew is on the way');
    expect(update?.mail.text).toContain('Your request 1042 is now in progress.');
  });
});
