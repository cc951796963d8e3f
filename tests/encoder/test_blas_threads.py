"""The learned heads' matrix products run on the encoder's thread count, not on every core."""

from __future__ import annotations

from threadpoolctl import threadpool_info, threadpool_limits

from presslens.encoder import limit_blas_threads


def test_the_blas_thread_limit_follows_the_encoder() -> None:
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas, "numpy links a BLAS library"
    with threadpool_limits(limits=2, user_api="blas"):  # restored after the test
        limit_blas_threads(1)
        assert {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"} == {1}
