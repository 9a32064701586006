// Production sends real e-mail: EMAIL_BACKEND is not a console/file/memory/dummy backend.
import { defineRule } from '../../core/define-rule.js';
import { howText, judge, productionProjects, sourceEvidence, targetOf } from './_settings.js';

const NON_SENDING = /django\.core\.mail\.backends\.(console|dummy|locmem|filebased)\.EmailBackend/;

export default defineRule({
  id: 'django/email-backend-console',
  title: 'Production e-mail goes to the console, a file or nowhere',
  category: 'environment',
  severity: 'medium',
  requires: ['django'],
  why: 'With a console, file, in-memory or dummy backend, password resets, sign-up confirmations and error reports to ADMINS are never delivered: users are locked out and nobody hears about server errors.',
  fix: "Use the SMTP backend (the default, django.core.mail.backends.smtp.EmailBackend) or a provider backend (django-anymail) in the production settings, with EMAIL_HOST and credentials from the environment.",
  references: [
    { title: 'Django: Email backends', url: 'https://docs.djangoproject.com/en/stable/topics/email/#email-backends' },
    { title: 'Django settings: EMAIL_BACKEND', url: 'https://docs.djangoproject.com/en/stable/ref/settings/#email-backend' },
  ],
  verify: 'docker compose exec web python manage.py sendtestemail you@your-domain   # expect the mail to arrive',
  messages: {
    nonSending: 'EMAIL_BACKEND {how} in the production settings: no e-mail is delivered.',
  },
  check({ django }, ctx) {
    for (const p of productionProjects(django, ctx)) {
      const target = targetOf(p, 'EMAIL_BACKEND');
      const j = judge(p, 'EMAIL_BACKEND', (v) => typeof v === 'string' && NON_SENDING.test(v));
      if (j.state === 'unknown') ctx.unknown(target, j.reason);
      else if (j.state === 'decided' && j.result) ctx.fail('nonSending', { at: j.loc, also: sourceEvidence(j), target, data: { how: howText(j) } });
      else ctx.pass(target);
    }
  },
});
