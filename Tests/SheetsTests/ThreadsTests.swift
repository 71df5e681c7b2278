import XCTest

@testable import Sheets

final class ThreadsTests: XCTestCase {
  func testTwoLanesGiveEveryResultInIndexOrderAndUseBothThreads() {
    let here = pthread_self()
    var onThisThread = 0
    let results = inTwoLanes(
      200,
      here: { index -> Int in
        onThisThread += 1
        XCTAssertTrue(pthread_equal(pthread_self(), here) != 0)
        usleep(100)
        return index * 3
      },
      there: { index -> Int in
        usleep(100)
        return index * 3
      })
    XCTAssertEqual(results, (0..<200).map { $0 * 3 })
    XCTAssertGreaterThan(onThisThread, 0)
    XCTAssertLessThan(onThisThread, 200, "the second thread took some indices")
  }

  func testAStoppingResultStartsNoFurtherIndexAndKeepsEveryEarlierOne() {
    for _ in 0..<20 {
      let work: @Sendable (Int) -> Int = { index in
        usleep(50)
        return index
      }
      let results = inTwoLanes(100, here: work, there: work, stops: { $0 == 10 })
      XCTAssertEqual(results.count, 100)
      // Index 10 stops the work; the other thread may finish what it had taken before the stop
      // was recorded, but nothing starts afterwards.
      let started = results.compactMap { $0 }
      XCTAssertEqual(Array(started.prefix(11)), Array(0...10))
      XCTAssertLessThan(started.count, 50)
      XCTAssertEqual(
        results.prefix(started.count).compactMap { $0 }.count, started.count, "no gap before the last started")
    }
  }

  func testNoIndexMeansNoWork() {
    let results = inTwoLanes(0, here: { $0 }, there: { $0 })
    XCTAssertEqual(results, [])
  }
}
