// The email link opens this page, and the token is used only when the reader presses "Aktifkan akun":
// mail scanners fetch links, and some run their scripts, but none presses the button, so they cannot
// use the link up before the reader does.
(function () {
  'use strict';
  var button = document.getElementById('activate');
  var status = document.getElementById('status');
  var api = document.querySelector('meta[name="warta-api"]').content;
  var token = new URLSearchParams(window.location.search).get('token');
  // Keep the token out of the history and of anything that could read the address bar later.
  window.history.replaceState(null, '', window.location.pathname);
  if (!token) {
    button.hidden = true;
    status.textContent = 'Tautan aktivasi tidak lengkap. Buka kembali tautan dari email Anda.';
    return;
  }
  // Signing in again, then back to the article the reader was reading when registering (the site
  // script notes it), or to the account page.
  function offerTheArticle() {
    var last = null;
    try {
      last = JSON.parse(window.localStorage.getItem('warta.lanjut'));
    } catch (e) {
      last = null;
    }
    var link = document.getElementById('continue-link');
    if (last && typeof last.path === 'string' && /^\/[a-z0-9-]+\/[a-z0-9-]+$/.test(last.path)) {
      link.href = '/masuk?lanjut=' + encodeURIComponent(last.path);
      link.textContent = 'Masuk dan lanjutkan membaca: ' + String(last.title || '');
    } else {
      link.href = '/masuk';
      link.textContent = 'Masuk';
    }
    document.getElementById('continue').hidden = false;
  }

  button.addEventListener('click', function () {
    button.disabled = true;
    status.textContent = 'Mengaktifkan akun Anda\u2026';
    fetch(api + '/auth/activate', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({token: token})
    }).then(function (response) {
      if (response.ok) {
        button.hidden = true;
        status.textContent = 'Akun Anda sudah aktif. Masuk sekali lagi untuk mulai membaca artikel gratis Anda.';
        // Activation ends the sessions started before it (the account's credentials change): the site
        // script forgets this browser's, quietly, instead of finding it refused later.
        document.dispatchEvent(new CustomEvent('warta:activated'));
        offerTheArticle();
      } else if (response.status === 400) {
        button.hidden = true;
        status.textContent = 'Tautan aktivasi tidak valid, sudah dipakai, atau kedaluwarsa. Minta tautan baru dengan "Kirimkan Lagi Sekarang".';
      } else {
        button.disabled = false;
        status.textContent = 'Aktivasi belum berhasil. Coba lagi beberapa saat lagi.';
      }
    }).catch(function () {
      button.disabled = false;
      status.textContent = 'Tidak dapat menghubungi server. Periksa koneksi Anda lalu coba lagi.';
    });
  });
}());
