/**
 * What the demo says about itself: its shops are simulators whose generated customers include broken records
 * on purpose. The web UI shows DEMO_NOTICE (GET /api/system `demo`), and each demo job's inbox task and
 * dialog carries DEMO_TASK_NOTE, so that nobody takes the errors for a fault of Kontor or of their setup.
 */

/** Share of every demo shop's customers that the simulators break on purpose. */
export const DEMO_BROKEN_SHARE = 0.02;

const percent = `${Math.round(DEMO_BROKEN_SHARE * 100)} %`;

const BROKEN_KINDS =
  'e-mail addresses that are none, unknown countries, unreadable change dates, records without a name';

export const DEMO_NOTICE =
  `This is the Kontor demo: its sales channels are shop simulators with generated customers, and about ${percent} ` +
  `of their records are broken on purpose (${BROKEN_KINDS}). Kontor refuses them or keeps them awaiting ` +
  'confirmation, lists them in the run log and files a task in the Workflow inbox: that is how it shows a ' +
  "real shop's bad data.";

export const DEMO_TASK_NOTE =
  `Demo: the shop simulator breaks about ${percent} of its customers on purpose (${BROKEN_KINDS}), so these ` +
  'errors are expected. Open the job in Batch jobs to see each record and its reason.';
