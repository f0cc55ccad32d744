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
        status.textContent = 'Akun Anda sudah aktif. Silakan masuk untuk membaca artikel pilihan.';
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
