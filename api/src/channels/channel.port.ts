/**
 * The port every input channel implements (portal web form, Open311, email-in, SMS webhook, chat).
 * An adapter does two things only: it turns an inbound message into the channel-independent intake
 * input (plus any photos and the address to answer), and it sends answers back in its own medium.
 * Validation, storage and the workflow start are the same for all: `acceptSubmission`.
 * @see ../../../docs/channels.md
 */
import type { FieldError, IntakeChannel } from '@civicdesk/schemas';
import type { CatalogueService } from './service-catalogue.js';

/** What an adapter made of one inbound message. */
export interface ChannelSubmission<Address> {
  /** Where answers go, in the channel's own terms: an email address, a phone number, a chat id. */
  replyTo: Address;
  /** The intake input (`intakeInput` shape, `channel` set); intake validates it, not the adapter. */
  input: Record<string, unknown>;
  /** Photos that came with the message; the media module checks and stores them. */
  photos: File[];
}

/** Sent once a request is stored. */
export interface Receipt {
  requestId: string;
  trackingUrl: string;
  serviceName: string;
  serviceNotice: string | null;
  expectedAt: Date | null;
}

/** Sent when a request's public status changes. */
export interface StatusUpdate {
  requestId: string;
  status: string;
  summary: string;
  trackingUrl: string;
}

/** How a channel answers a resident. Implementations never throw for a resident's mistake. */
export interface ChannelReplies<Address> {
  sendReceipt(to: Address, receipt: Receipt, inReplyTo?: ReplyContext): Promise<void>;
  /** The problems with a submission, per field, worded for this channel. */
  sendProblems(
    to: Address,
    problems: readonly FieldError[],
    catalogue: readonly CatalogueService[],
    inReplyTo?: ReplyContext,
  ): Promise<void>;
  sendStatusUpdate(to: Address, update: StatusUpdate): Promise<void>;
}

/** What a reply may refer to so it threads under the resident's message (subject, message id). */
export interface ReplyContext {
  subject?: string;
  messageId?: string;
}

/** An input channel: maps its inbound messages to submissions and answers through its replies. */
export interface InputChannel<Message, Address> {
  readonly channel: IntakeChannel;
  /** The submission carried by a message, or null for messages to drop (auto-replies, loops). */
  toSubmission(message: Message, catalogue: readonly CatalogueService[]): ChannelSubmission<Address> | null;
  readonly replies: ChannelReplies<Address>;
}
