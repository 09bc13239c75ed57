/** A notice for a job's user at the end of a run (dialog or Workflow inbox); src/batch/notification-rules.ts decides which. */
export type NoticeChannel = 'dialog' | 'workflow';
export type NoticeTopic = 'run-ended' | 'timeout' | 'series-canceled' | 'missed';

export interface Notice {
  channel: NoticeChannel;
  topic: NoticeTopic;
  hasErrors: boolean;
  title: string;
  message: string;
}
