/** @civicdesk/api/channels: the input-channel port, the shared submission path and the email-in channel. */
export type {
  ChannelReplies,
  ChannelSubmission,
  InputChannel,
  Receipt,
  ReplyContext,
  StatusUpdate,
} from './channel.port.js';
export {
  acceptSubmission,
  defaultTrackingUrl,
  type ChannelApp,
  type SubmissionOutcome,
} from './accept-submission.js';
export { loadServiceCatalogue, type CatalogueService } from './service-catalogue.js';
export {
  startEmailChannel,
  emailReplies,
  type EmailChannelOptions,
  type RunningEmailChannel,
} from './email/email-channel.js';
export { emailToSubmission, toInboundEmail, type InboundEmail } from './email/inbound-email.js';
