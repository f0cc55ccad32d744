// The email link opens this page; only this script (never a mail scanner fetching the link) uses the token.
(function () {
  'use strict';
  var status = document.getElementById('status');
  var api = document.querySelector('meta[name="warta-api"]').content;
  var token = new URLSearchParams(window.location.search).get('token');
  // Keep the token out of the history and of anything that could read the address bar later.
  window.history.replaceState(null, '', window.location.pathname);
  if (!token) {
    status.textContent = 'Tautan aktivasi tidak lengkap. Buka kembali tautan dari email Anda.';
    return;
  }
  fetch(api + '/auth/activate', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({token: token})
  }).then(function (response) {
    if (response.ok) {
      status.textContent = 'Akun Anda sudah aktif. Silakan masuk untuk membaca artikel pilihan.';
    } else if (response.status === 400) {
      status.textContent = 'Tautan aktivasi tidak valid, sudah dipakai, atau kedaluwarsa. Minta tautan baru dengan "Kirimkan Lagi Sekarang".';
    } else {
      status.textContent = 'Aktivasi belum berhasil. Coba lagi beberapa saat lagi.';
    }
  }).catch(function () {
    status.textContent = 'Tidak dapat menghubungi server. Periksa koneksi Anda lalu muat ulang halaman ini.';
  });
}());
