// Every page's script: the reader's session (api.md, Sessions), the sign-in, registration and
// forgot-password forms (on their pages and as dialogs), the article page's access states (site.md),
// and the account page. The HTML is the same for every reader; what belongs to this reader comes
// from the API here. Plain JavaScript, no build step.
(function () {
  'use strict';

  var API = document.querySelector('meta[name="warta-api"]').content;
  // Not a credential: a non-HttpOnly note that this browser signed in, so that a page load asks
  // POST /auth/refresh for a token only when there may be a session (an anonymous reader's pages
  // make no request that can only fail). "ingat" lasts as long as a remembered session may.
  var HINT = 'warta_masuk';
  var REMEMBERED_SECONDS = 30 * 24 * 60 * 60;
  var RENEW_BEFORE_EXPIRY_SECONDS = 60;
  var NETWORK = 'Tidak dapat terhubung ke Warta. Periksa koneksi internet Anda, lalu coba lagi.';
  var FAILED = 'Terjadi kesalahan. Coba lagi beberapa saat lagi.';
  var SIGNED_OUT = 'Sesi Anda sudah berakhir, misalnya karena Anda keluar dari semua perangkat. Silakan masuk kembali.';

  // ---- calling the API

  /** A refusal or failure of a call: kind is network, rate, signedOut or http. */
  function CallError(kind, status, body, retryAfter) {
    this.kind = kind;
    this.status = status;
    this.code = body && body.error ? body.error.code : null;
    this.serverMessage = body && body.error ? body.error.message : null;
    this.fields = body && body.error && body.error.fields ? body.error.fields : {};
    this.retryAfter = retryAfter;
  }

  /** What the reader reads about a failed call, in Bahasa Indonesia. */
  function describe(error) {
    if (!(error instanceof CallError)) {
      return FAILED;
    }
    if (error.kind === 'network') {
      return NETWORK;
    }
    if (error.kind === 'rate') {
      return 'Terlalu banyak permintaan. Coba lagi dalam ' + error.retryAfter + ' detik.';
    }
    if (error.kind === 'signedOut') {
      return SIGNED_OUT;
    }
    return error.status < 500 && error.serverMessage ? error.serverMessage : FAILED;
  }

  var readerId = (function () {
    try {
      var id = window.localStorage.getItem('warta.readerId');
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id || '')) {
        id = window.crypto.randomUUID();
        window.localStorage.setItem('warta.readerId', id);
      }
      return id;
    } catch (e) {
      return null; // storage switched off: the reader stays uncounted
    }
  }());

  var session = {token: null, renewal: null, me: null};

  /**
   * One API call: JSON in and out, the cookie (only /auth/* gets it), and who is asking: the access
   * token when signed in, else the anonymous reader id. An access token refused as expired or
   * revoked is renewed once through the session; if that fails, the reader is signed out here.
   */
  function call(method, path, body, retried) {
    var headers = {};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    // The cookie routes and the forms take no bearer token (a stale one would be refused); logout-all needs one.
    var identified = path.indexOf('/auth/') !== 0 || path === '/auth/logout-all';
    var usedToken = identified ? session.token : null;
    if (usedToken) {
      headers.Authorization = 'Bearer ' + usedToken;
    } else if (identified && readerId) {
      headers['X-Reader-Id'] = readerId;
    }
    return fetch(API + path, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'include'
    }).then(function (response) {
      if (response.status === 401 && usedToken && !retried) {
        return renew().then(function () {
          return call(method, path, body, true);
        });
      }
      var isJson = (response.headers.get('Content-Type') || '').indexOf('application/json') === 0;
      return (isJson ? response.json() : Promise.resolve(null)).then(function (json) {
        if (response.ok) {
          return json;
        }
        if (response.status === 429) {
          throw new CallError('rate', 429, json, parseInt(response.headers.get('Retry-After'), 10) || 60);
        }
        throw new CallError('http', response.status, json, null);
      });
    }, function () {
      throw new CallError('network', 0, null, null);
    });
  }

  // ---- the session

  function hint() {
    var found = document.cookie.split('; ').filter(function (c) {
      return c.indexOf(HINT + '=') === 0;
    })[0];
    return found ? found.substring(HINT.length + 1) : null;
  }

  function setHint(mode) {
    document.cookie = HINT + '=' + mode + '; Path=/; SameSite=Strict'
      + (mode === 'ingat' ? '; Max-Age=' + REMEMBERED_SECONDS : '')
      + (window.location.protocol === 'https:' ? '; Secure' : '');
  }

  function clearHint() {
    document.cookie = HINT + '=; Path=/; Max-Age=0; SameSite=Strict';
  }

  /** Keeps the access token of a sign-in or refresh, in memory only, and renews it before it expires. */
  function accept(answer, mode) {
    session.token = answer.accessToken;
    setHint(mode);
    window.clearTimeout(session.renewal);
    var seconds = Math.max(answer.expiresIn - RENEW_BEFORE_EXPIRY_SECONDS, 5);
    session.renewal = window.setTimeout(function () {
      renew().catch(function () {}); // a refused session has already signed the reader out here
    }, seconds * 1000);
  }

  var renewing = null;

  /** POST /auth/refresh (the cookie rotates); a refused session signs the reader out here. */
  function renew() {
    if (!renewing) {
      var mode = hint() || 'sesi';
      renewing = call('POST', '/auth/refresh').then(function (answer) {
        renewing = null;
        accept(answer, mode);
      }, function (error) {
        renewing = null;
        if (error.kind === 'http' && error.status === 401) {
          forget();
          notify(SIGNED_OUT);
          showReader();
          throw new CallError('signedOut', 401, null, null);
        }
        throw error;
      });
    }
    return renewing;
  }

  function forget() {
    session.token = null;
    session.me = null;
    window.clearTimeout(session.renewal);
    clearHint();
  }

  /** GET /me, once per page and sign-in: who the reader is, activation, meter, unlocked articles. */
  function me() {
    if (!session.token) {
      return Promise.resolve(null);
    }
    if (!session.me) {
      session.me = call('GET', '/me').catch(function (error) {
        session.me = null;
        throw error;
      });
    }
    return session.me;
  }

  function signedIn(answer, remember) {
    session.me = null;
    accept(answer, remember ? 'ingat' : 'sesi');
    return showReader();
  }

  // ---- what the page shows

  var notice = document.getElementById('notice');

  function notify(text) {
    notice.textContent = text;
    notice.hidden = !text;
  }

  function within(root, selector) {
    return root.querySelector(selector);
  }

  function each(selector, action) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), action);
  }

  /** Brings every reader-dependent part of the page up to date with the session. */
  function showReader() {
    each('.account .signed-out', function (el) {
      el.hidden = Boolean(session.token);
    });
    each('.account .signed-in', function (el) {
      el.hidden = !session.token;
    });
    return Promise.all([articleAccess(), accountPage(), readersRecommendations()]).catch(function (error) {
      if (error.kind !== 'signedOut') {
        notify(describe(error));
      }
    });
  }

  // ---- dialogs and forms

  function openDialog(name, opener) {
    var dialog = document.getElementById('dialog-' + name);
    if (!dialog || typeof dialog.showModal !== 'function') {
      return false;
    }
    each('dialog[open]', function (open) {
      open.close();
    });
    dialog.returnFocusTo = opener;
    dialog.showModal();
    var first = dialog.querySelector('input');
    if (first) {
      first.focus();
    }
    return true;
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest('[data-dialog]');
    if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey && openDialog(link.getAttribute('data-dialog'), link)) {
      event.preventDefault();
      return;
    }
    var close = event.target.closest('[data-close]');
    if (close) {
      close.closest('dialog').close();
    }
  });

  each('dialog', function (dialog) {
    dialog.addEventListener('close', function () {
      if (dialog.returnFocusTo && document.contains(dialog.returnFocusTo)) {
        dialog.returnFocusTo.focus();
      }
    });
  });

  function clearErrors(form) {
    Array.prototype.forEach.call(form.querySelectorAll('.field-error'), function (el) {
      el.textContent = '';
    });
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (el) {
      el.removeAttribute('aria-invalid');
    });
  }

  /** The API's field errors beside their fields (each input's aria-describedby names its error). */
  function showFieldErrors(form, fields) {
    var first = null;
    Object.keys(fields).forEach(function (name) {
      var input = form.elements[name];
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        document.getElementById(input.getAttribute('aria-describedby')).textContent = fields[name];
        first = first || input;
      }
    });
    if (first) {
      first.focus();
    }
  }

  /** The checks the browser can make itself, with the same words as the API's. */
  function checkLocally(form) {
    var fields = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[required]'), function (input) {
      if (!input.value.trim()) {
        fields[input.name] = 'Wajib diisi.';
      } else if (input.type === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.value.trim())) {
        fields[input.name] = 'Alamat email tidak valid.';
      } else if (input.type === 'password' && (input.value.length < 8 || input.value.length > 128)) {
        fields[input.name] = 'Kata sandi harus 8 sampai 128 karakter.';
      }
    });
    return fields;
  }

  function values(form) {
    var body = {};
    Array.prototype.forEach.call(form.querySelectorAll('input'), function (input) {
      if (input.type === 'checkbox') {
        body[input.name] = input.checked;
      } else {
        body[input.name] = input.name === 'password' ? input.value : input.value.trim();
      }
    });
    return body;
  }

  /** Where a form's page sends the reader after signing in: back where they came from, or the account. */
  function afterFormPage() {
    window.location.assign(returnPath());
  }

  function noteArticleToReturnTo() {
    var paywall = document.getElementById('paywall');
    if (!paywall) {
      return;
    }
    try {
      window.localStorage.setItem('warta.lanjut', JSON.stringify({
        path: window.location.pathname,
        title: document.querySelector('h1').textContent
      }));
    } catch (e) {
      // storage switched off: the activation page offers the home page instead
    }
  }

  var succeed = {
    masuk: function (answer, body) {
      return signedIn(answer, body.remember);
    },
    // Registration signs the reader in at once (unactivated accounts may), so that the article page
    // shows "Konfirmasi Email" with the address; if the address already had an account with another
    // password, that owner got an email instead, and the reader is told to check the mailbox.
    daftar: function (answer, body, status) {
      noteArticleToReturnTo();
      return call('POST', '/auth/login', {email: body.email, password: body.password}).then(function (login) {
        return signedIn(login, false);
      }, function (error) {
        if (error.kind === 'http' && error.status === 401) {
          status.textContent = 'Kami sudah mengirim email ke ' + body.email + '. Ikuti petunjuk di dalamnya untuk melanjutkan.';
          return 'stay';
        }
        throw error;
      });
    },
    'lupa-kata-sandi': function (answer, body, status) {
      status.textContent = 'Jika ' + body.email + ' terdaftar, tautan untuk menyetel ulang kata sandi sudah kami kirim. '
        + 'Tautan berlaku satu jam.';
      return Promise.resolve('stay');
    }
  };

  function submit(form) {
    var kind = form.getAttribute('data-form');
    var status = document.getElementById(form.id + '-status');
    var button = form.querySelector('button[type="submit"]');
    clearErrors(form);
    var local = checkLocally(form);
    if (Object.keys(local).length) {
      status.textContent = 'Periksa kembali isian yang ditandai.';
      showFieldErrors(form, local);
      return;
    }
    var body = values(form);
    button.disabled = true;
    status.textContent = 'Mengirim\u2026';
    call('POST', form.getAttribute('data-api'), body).then(function (answer) {
      return succeed[kind](answer, body, status);
    }).then(function (outcome) {
      if (outcome === 'stay') {
        return;
      }
      status.textContent = '';
      form.reset();
      var dialog = form.closest('dialog');
      if (dialog) {
        dialog.close();
      } else {
        afterFormPage();
      }
    }).catch(function (error) {
      if (error.kind === 'http' && error.status === 401 && kind === 'masuk') {
        status.textContent = 'Email atau kata sandi salah.';
      } else if (error.code === 'VALIDATION_FAILED') {
        status.textContent = 'Periksa kembali isian yang ditandai.';
        showFieldErrors(form, error.fields);
      } else {
        status.textContent = describe(error);
      }
    }).then(function () {
      button.disabled = false;
    });
  }

  each('form[data-api]', function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      submit(form);
    });
  });

  // ---- "Kirimkan Lagi Sekarang"

  function resend(button) {
    var status = button.closest('.konfirmasi').querySelector('.resend-status');
    button.disabled = true;
    me().then(function (reader) {
      if (!reader) {
        throw new CallError('signedOut', 401, null, null);
      }
      return call('POST', '/auth/activation/resend', {email: reader.email}).then(function () {
        status.textContent = 'Tautan aktivasi baru sudah dikirim ke ' + reader.email + '.';
      });
    }).catch(function (error) {
      status.textContent = error.kind === 'rate'
        ? 'Tautan baru bisa diminta lagi dalam ' + error.retryAfter + ' detik.'
        : describe(error);
    }).then(function () {
      button.disabled = false;
    });
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-action]');
    if (!button) {
      return;
    }
    var action = {resend: resend, unlock: unlock, logout: logout, 'logout-all': logoutAll}[button.getAttribute('data-action')];
    if (action) {
      action(button);
    }
  });

  function showActivation(root, reader) {
    var box = within(root, '.konfirmasi');
    box.hidden = reader.activated;
    within(box, '.reader-email').textContent = reader.email;
  }

  // ---- the article page

  var JAKARTA_DATE = new Intl.DateTimeFormat('id-ID', {timeZone: 'Asia/Jakarta', day: 'numeric', month: 'long', year: 'numeric'});

  /** The first day of the next period (the meter's periodEnd is the instant the period ends). */
  function renewalDate(meter) {
    return JAKARTA_DATE.format(new Date(meter.periodEnd));
  }

  var paywall = document.getElementById('paywall');

  function showAccessState(state) {
    Array.prototype.forEach.call(paywall.querySelectorAll('[data-state]'), function (part) {
      part.hidden = part.getAttribute('data-state') !== state;
    });
  }

  /** The whole article in place of the teaser, the ad slot after the same paragraphs as on a free article. */
  function showWholeArticle(article) {
    var body = document.getElementById('article-body');
    var ad = within(body, '.ad-slot');
    Array.prototype.forEach.call(body.querySelectorAll(':scope > p'), function (p) {
      p.remove();
    });
    article.body.forEach(function (text, index) {
      var paragraph = document.createElement('p');
      paragraph.textContent = text;
      body.insertBefore(paragraph, index < 2 ? ad : null);
    });
    body.classList.remove('paywalled');
    paywall.hidden = true;
  }

  function noteAccess(text) {
    var note = document.getElementById('access-note');
    note.textContent = text;
    note.hidden = !text;
  }

  function remainingText(meter) {
    return 'Sisa artikel gratis Anda bulan ini: ' + meter.remaining + ' dari ' + meter.limit + '.';
  }

  /** The reader's state on a paywalled article, from the access object of GET /articles/{slug}. */
  function articleAccess() {
    if (!paywall) {
      return Promise.resolve();
    }
    if (!session.token) {
      showAccessState('LOGIN_REQUIRED');
      return Promise.resolve();
    }
    var slug = paywall.getAttribute('data-slug');
    return Promise.all([call('GET', '/articles/' + encodeURIComponent(slug)), me()]).then(function (answers) {
      var article = answers[0];
      var access = article.access;
      if (access.granted) {
        showWholeArticle(article);
        recordView();
        noteAccess(access.level === 'METERED' && access.meter ? 'Artikel ini sudah terbuka untuk Anda bulan ini. '
          + remainingText(access.meter) : '');
        return;
      }
      var state = access.reason || 'CREDIT';
      showAccessState(state);
      if (state === 'ACTIVATION_REQUIRED') {
        showActivation(paywall, answers[1]);
      } else if (state === 'CREDIT') {
        within(paywall, '.remaining').textContent = access.meter.remaining;
        within(paywall, '.limit').textContent = access.meter.limit;
      } else if (state === 'QUOTA_EXHAUSTED') {
        within(paywall, '.renewal').textContent = renewalDate(access.meter);
      }
    });
  }

  /** "nasional" is shown as "Nasional" (as the site's own pages show section and edition names). */
  function label(name) {
    return name.charAt(0).toUpperCase() + name.substring(1);
  }

  function element(tag, attributes, text) {
    var el = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) {
      el.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) {
      el.textContent = text;
    }
    return el;
  }

  /** A card of "Rekomendasi Artikel" from an ArticleSummary of the API, as the site's card template draws it. */
  function recommendationCard(item) {
    var card = element('article', {'class': 'card'});
    if (item.image) {
      card.appendChild(element('img', {src: item.image.url, alt: item.image.caption || '', width: '640', height: '360',
        loading: 'lazy', decoding: 'async'}));
    }
    var text = card.appendChild(element('div', {'class': 'card-text'}));
    var kicker = text.appendChild(element('p', {'class': 'kicker'}));
    if (item.sponsored) {
      kicker.appendChild(element('span', {'class': 'sponsored'}, 'Iklan'));
      kicker.appendChild(document.createTextNode(' '));
    }
    kicker.appendChild(element('a', {href: '/' + item.section}, label(item.section)));
    if (item.edition && item.edition !== 'web') {
      kicker.appendChild(document.createTextNode(' '));
      kicker.appendChild(element('span', {'class': 'edition'}, label(item.edition)));
    }
    text.appendChild(element('h3', {})).appendChild(element('a', {href: '/' + item.section + '/' + item.slug}, item.title));
    text.appendChild(element('p', {'class': 'meta'})).appendChild(element('time', {datetime: item.publishedAt}, item.relativeTime));
    return card;
  }

  /**
   * "Rekomendasi Artikel" for this reader: the page holds the list every reader gets (it is cached),
   * the API's list for this reader (signed in, or by its X-Reader-Id) skips what it already read.
   */
  function readersRecommendations() {
    var related = document.querySelector('section.related');
    var article = document.querySelector('article[data-slug]');
    var shown = related ? related.querySelectorAll('article.card') : [];
    if (!shown.length || !article || !(session.token || readerId)) {
      return Promise.resolve();
    }
    var slug = article.getAttribute('data-slug');
    return call('GET', '/articles/' + encodeURIComponent(slug) + '/recommendations?limit=' + shown.length).then(function (answer) {
      if (!answer.items.length) {
        return; // nothing unread to recommend: the list every reader gets is better than none
      }
      Array.prototype.forEach.call(shown, function (card) {
        card.remove();
      });
      answer.items.forEach(function (item) {
        related.appendChild(recommendationCard(item));
      });
      // Sponsored items are never shown without the notice that third parties made them (site.md).
      var notice = related.querySelector('.sponsored-notice');
      var sponsored = answer.items.some(function (item) {
        return item.sponsored;
      });
      if (sponsored && !notice) {
        related.querySelector('h2').insertAdjacentElement('afterend', element('p', {'class': 'sponsored-notice'},
          'Artikel bertanda Iklan adalah konten bersponsor yang dibuat oleh pihak ketiga, bukan oleh redaksi Warta.'));
      } else if (!sponsored && notice) {
        notice.remove();
      }
    }).catch(function () {}); // the list every reader gets stays
  }

  /** Counts the reader's view of an article shown whole (trending, and recommendations that skip what was read). */
  function recordView() {
    var article = document.querySelector('article[data-slug]');
    if (article) {
      call('POST', '/articles/' + encodeURIComponent(article.getAttribute('data-slug')) + '/views', {})
        .catch(function () {}); // a lost view costs the reader nothing
    }
  }

  /** "Baca gratis": one credit for this article; the whole text appears without a reload. */
  function unlock(button) {
    var slug = paywall.getAttribute('data-slug');
    var status = within(paywall, '.unlock-status');
    button.disabled = true;
    status.textContent = 'Membuka artikel\u2026';
    call('POST', '/articles/' + encodeURIComponent(slug) + '/views', {}).then(function (answer) {
      if (!answer.access.granted) {
        // The credits ran out meanwhile (another tab), or the API took this browser for a crawler.
        status.textContent = 'Artikel ini belum dapat dibuka untuk Anda.';
        return articleAccess();
      }
      return call('GET', '/articles/' + encodeURIComponent(slug)).then(function (article) {
        session.me = null; // the meter changed
        status.textContent = '';
        showWholeArticle(article);
        noteAccess('Artikel ini terbuka untuk Anda sampai akhir bulan. ' + remainingText(answer.access.meter));
        document.getElementById('access-note').focus();
      });
    }).catch(function (error) {
      status.textContent = describe(error);
    }).then(function () {
      button.disabled = false;
    });
  }

  // ---- the account page

  var account = document.getElementById('akun');

  function accountPage() {
    if (!account) {
      return Promise.resolve();
    }
    var status = document.getElementById('account-status');
    var signedInPart = within(account, '.signed-in-only');
    var signedOutPart = within(account, '.signed-out-only');
    if (!session.token) {
      status.textContent = '';
      signedInPart.hidden = true;
      signedOutPart.hidden = false;
      return Promise.resolve();
    }
    return me().then(function (reader) {
      within(account, '.me-name').textContent = reader.name;
      within(account, '.me-email').textContent = reader.email;
      within(account, '.me-activation').textContent = reader.activated
        ? (reader.subscriber ? 'Aktif, pelanggan' : 'Aktif') : 'Belum diaktifkan';
      showActivation(account, reader);
      within(account, '.meter-used').textContent = reader.meter.used + ' dari ' + reader.meter.limit + ' artikel';
      within(account, '.meter-remaining').textContent = reader.meter.remaining + ' artikel';
      within(account, '.meter-renewal').textContent = renewalDate(reader.meter);
      return Promise.all(reader.unlocked.map(function (slug) {
        return call('GET', '/articles/' + encodeURIComponent(slug)).catch(function () {
          return null; // unpublished since: nothing to link to
        });
      }));
    }).then(function (articles) {
      var list = within(account, '.unlocked-list');
      list.textContent = '';
      articles.filter(Boolean).forEach(function (article) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = '/' + article.section + '/' + article.slug;
        link.textContent = article.title;
        item.appendChild(link);
        list.appendChild(item);
      });
      within(account, '.unlocked-none').hidden = list.children.length > 0;
      status.textContent = '';
      signedOutPart.hidden = true;
      signedInPart.hidden = false;
    });
  }

  function logout(button) {
    button.disabled = true;
    call('POST', '/auth/logout').then(function () {
      forget();
      window.location.assign('/');
    }, function (error) {
      button.disabled = false;
      within(account, '.logout-status').textContent = describe(error);
    });
  }

  /** Ends every session of the account (other browsers find out at their next refresh), then this one's cookie. */
  function logoutAll(button) {
    button.disabled = true;
    call('POST', '/auth/logout-all').then(function () {
      return call('POST', '/auth/logout');
    }).then(function () {
      forget();
      window.location.assign('/');
    }, function (error) {
      button.disabled = false;
      within(account, '.logout-status').textContent = describe(error);
    });
  }

  // ---- "Masuk melalui": an ID token from the provider (OAuth 2.0 with an id_token response), then
  // POST /auth/oidc/{provider}. Google and Facebook answer in the fragment of /masuk-melalui; Apple
  // posts its answer to /masuk-melalui, whose 303 puts it in the same fragment.

  var SOCIAL = 'warta.oidc';

  function randomValue() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ('0' + b.toString(16)).slice(-2);
    }).join('');
  }

  /** Where to come back after signing in: the page's ?lanjut=, the article being read, or the account. */
  function returnPath() {
    var back = new URLSearchParams(window.location.search).get('lanjut');
    if (back && /^\/[a-z0-9-]+(\/[a-z0-9-]+)?$/.test(back)) {
      return back;
    }
    return /^\/(masuk|daftar|lupa-kata-sandi|masuk-melalui|aktivasi|reset-password)$/.test(window.location.pathname)
      ? '/akun' : window.location.pathname;
  }

  function startSocialSignIn(button) {
    var pending = {
      provider: button.getAttribute('data-oidc'),
      label: button.textContent.trim(),
      state: randomValue(),
      nonce: randomValue(),
      back: returnPath()
    };
    try {
      // The state and nonce only tie the provider's answer to this request; they are no credential.
      window.sessionStorage.setItem(SOCIAL, JSON.stringify(pending));
    } catch (e) {
      notify('Masuk melalui akun lain memerlukan penyimpanan sesi peramban yang aktif.');
      return;
    }
    var query = new URLSearchParams({
      client_id: button.getAttribute('data-client-id'),
      response_type: button.getAttribute('data-response-type'),
      scope: button.getAttribute('data-scope'),
      redirect_uri: window.location.origin + '/masuk-melalui',
      nonce: pending.nonce,
      state: pending.state
    });
    ['response-mode', 'prompt'].forEach(function (name) {
      var value = button.getAttribute('data-' + name);
      if (value) {
        query.set(name.replace('-', '_'), value);
      }
    });
    window.location.assign(button.getAttribute('data-authorize') + '?' + query.toString());
  }

  /** Apple sends the reader's name once, at the first sign-in, beside the token: {"name": {"firstName", "lastName"}}. */
  function nameFromProvider(user) {
    try {
      var name = JSON.parse(user).name || {};
      return [name.firstName, name.lastName].filter(function (part) {
        return typeof part === 'string' && part.trim();
      }).join(' ').trim();
    } catch (e) {
      return '';
    }
  }

  each('.social', function (part) {
    part.hidden = false;
  });

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-oidc]');
    if (button) {
      startSocialSignIn(button);
    }
  });

  /** /masuk-melalui: the provider's answer, in the fragment (a refusal may come in the query instead). */
  function finishSocialSignIn() {
    var status = document.getElementById('social-status');
    var answer = new URLSearchParams(window.location.hash.substring(1));
    var refused = answer.get('error') || new URLSearchParams(window.location.search).get('error');
    window.history.replaceState(null, '', window.location.pathname);
    var pending = null;
    try {
      pending = JSON.parse(window.sessionStorage.getItem(SOCIAL));
      window.sessionStorage.removeItem(SOCIAL);
    } catch (e) {
      pending = null;
    }
    if (pending && refused) {
      // The reader closed the provider's page or said no (access_denied, user_cancelled_authorize).
      status.textContent = pending.label + ' dibatalkan. Anda dapat mencobanya lagi atau masuk dengan email.';
      return Promise.resolve();
    }
    if (!pending || !answer.get('id_token') || answer.get('state') !== pending.state) {
      status.textContent = 'Masuk melalui akun lain tidak selesai. Silakan coba lagi dari halaman Masuk.';
      return Promise.resolve();
    }
    var signIn = {idToken: answer.get('id_token'), nonce: pending.nonce};
    var name = nameFromProvider(answer.get('user'));
    if (name) {
      signIn.name = name;
    }
    return call('POST', '/auth/oidc/' + encodeURIComponent(pending.provider), signIn).then(function (signedIn) {
      status.textContent = 'Berhasil masuk. Mengalihkan\u2026';
      accept(signedIn, 'sesi');
      window.location.assign(pending.back);
    }, function (error) {
      status.textContent = error.kind === 'http' && error.status === 401
        ? 'Akun tersebut tidak dapat dipakai untuk masuk ke Warta. Coba akun lain atau masuk dengan email.'
        : describe(error);
    });
  }

  // The activation page's script: the account's earlier sessions have just ended.
  document.addEventListener('warta:activated', function () {
    forget();
    showReader();
  });

  // ---- start

  var restored = hint() ? renew().catch(function (error) {
    if (error.kind !== 'signedOut') {
      notify(describe(error));
    }
  }) : Promise.resolve();
  restored.then(function () {
    if (document.getElementById('social-status')) {
      return finishSocialSignIn();
    }
    if (!paywall) {
      recordView();
    }
    return showReader();
  });
}());
